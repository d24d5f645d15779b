#!/usr/bin/env python3
"""Writes a large banking help-desk bot for the training benchmark: bot.yaml, train.tsv and heldout.tsv.

Usage:
    bench/make-large-bot.py OUTDIR [--intents 77] [--examples 10000] [--seed 7]

OUTDIR/bot.yaml     name large-bank, one entry per intent (route llm; five of them route reply with a canned reply),
                    unknown: {route: llm}. No crisis intent: the service adds its built-in one.
OUTDIR/train.tsv    --examples texts, intent<TAB>text, spread evenly over the intents (10,000 / 77: 129 or 130 each).
OUTDIR/heldout.tsv  about 10% more per intent, none of them in train.tsv.

The texts come from per-intent templates ("[a|b]" picks one alternative, "{slot}" a shared filler such as an
amount, a currency or a time phrase), with politeness openers and closers, chat casing and a few typos. Several
intents share their vocabulary on purpose (card_arrival / card_delivery_estimate, top_up_failed / top_up_pending /
top_up_reverted, lost_card / stolen_card / freeze_card...), and about 6% of the texts of such neighbours come from
vague templates they share ("problem with my top-up of £20"), so that a classifier does not reach 100%. Every text has
5 to 30 words and all texts of both files are distinct (compared in lower case, punctuation ignored). The output
depends only on the arguments: same seed, same files. Python 3 standard library only.
"""
import argparse
import json
import math
import random
import re
import sys
from pathlib import Path

SLOTS = {
    "amount": ["£20", "50 euros", "$100", "200 GBP", "15 pounds", "€35.50", "a hundred dollars", "1,000 EUR",
               "£7.99", "300 dollars", "40 quid", "€12", "2500 pounds", "$64.20", "€450", "80 bucks", "£1,200"],
    "small_amount": ["£1", "a euro", "50p", "2 dollars", "€3", "£4.50", "a couple of pounds", "99 cents", "£2.99"],
    "currency": ["euros", "US dollars", "Swiss francs", "Japanese yen", "Polish zloty", "Canadian dollars",
                 "Australian dollars", "Swedish krona", "Hungarian forint", "Czech koruna", "Turkish lira", "USD",
                 "EUR", "Danish krone", "Mexican pesos", "Thai baht"],
    "card": ["card", "debit card", "Visa card", "Mastercard", "new card", "bank card", "physical card", "metal card"],
    "since": ["yesterday", "two days ago", "last week", "on Monday", "this morning", "over a week ago",
              "ten days ago", "last Friday", "a few hours ago", "earlier today", "three weeks ago", "at the weekend",
              "on the 3rd", "last night", "a fortnight ago"],
    "duration": ["3 days", "a week", "two weeks", "48 hours", "5 working days", "over a month", "ten days",
                 "four days", "a few days", "24 hours"],
    "big_amount": ["£5,000", "10,000 euros", "£15k", "$20,000", "£3,000", "8000 pounds", "€12,500", "£25,000"],
    "close_person": ["my partner", "my wife", "my husband", "my boyfriend", "my girlfriend", "my mum",
                     "my brother", "my flatmate"],
    "merchant": ["Amazon", "a restaurant", "Uber", "the supermarket", "a hotel in Lisbon", "Netflix",
                 "an online shop", "a petrol station", "Spotify", "a taxi", "eBay", "the pharmacy", "a cafe",
                 "an airline", "IKEA", "a parking machine", "a clothes shop", "Steam"],
    "country": ["Spain", "the US", "Germany", "Japan", "France", "Italy", "Canada", "Mexico", "Thailand", "Poland",
                "Brazil", "Australia", "Turkey", "Portugal", "Greece", "India", "Morocco", "Switzerland"],
    "abroad": ["abroad", "on holiday", "in {country}", "while travelling", "on a trip to {country}",
               "on my holiday in {country}"],
    "person": ["my friend", "my mum", "my landlord", "a colleague", "my brother", "my partner", "a supplier",
               "my daughter", "my flatmate", "a client", "my dad", "my sister"],
    "app": ["the app", "your app", "the mobile app", "the banking app", "the app on my phone"],
    "phone": ["iPhone", "Android phone", "Samsung", "Pixel", "new phone", "phone"],
    "atm": ["ATM", "cash machine", "cashpoint", "ATM"],
    "transfer": ["transfer", "bank transfer", "payment", "SEPA transfer", "international transfer", "wire transfer"],
    "a_transfer": ["a transfer", "a bank transfer", "a payment", "a SEPA transfer", "an international transfer",
                   "a wire transfer"],
    "topup": ["top up", "top-up", "topup", "deposit"],
    "worried": ["I'm a bit worried", "this is annoying", "I need the money", "not sure what happened",
                "I'm confused", "it's urgent", "I'm getting nervous", "no idea why"],
}

OPENERS = ["", "", "", "", "", "hi", "hello,", "hey", "hi there,", "good morning,", "good evening,", "excuse me,",
           "quick question:", "sorry to bother you but", "hello, I need some help:", "urgent:", "hi team,", "help,",
           "please help,", "can you help?", "um,", "ok so", "question -", "hey guys,"]
CLOSERS = ["", "", "", "", "", "", "please", "thanks", "thank you", "thanks in advance", "asap", "any ideas?",
           "can you help?", "cheers", "can you check?", "please advise", "what should I do?", "thx", "ty",
           "I'd appreciate a quick answer", "what's going on?", "please sort this out"]
SHORTHAND = [(r"\byou\b", "u"), (r"\bplease\b", "pls"), (r"\bare\b", "r"), (r"\bthanks\b", "thx"),
             (r"\bbecause\b", "cos"), (r"\bI'm\b", "im"), (r"\bdon't\b", "dont"), (r"\bcan't\b", "cant"),
             (r"\bdoesn't\b", "doesnt"), (r"\bhasn't\b", "hasnt"), (r"\bwhat's\b", "whats"), (r"\bit's\b", "its")]

# name -> templates. Grouped by topic; neighbouring intents share words on purpose.
INTENTS = {
    # cards: getting one
    "card_arrival": [
        "my {card} [still hasn't|hasn't|has not] arrived[,| and] I ordered it {since}",
        "where is my {card}? [it was sent|I was told it was posted|you said it shipped] {since}",
        "[I'm still waiting|still waiting|been waiting] for my {card} to arrive[, it's been {duration}|]",
        "[the|my] {card} [you sent|you posted|I ordered] never [came|arrived|showed up]",
        "[can you check|could you check|pls check] [where my {card} is|what happened to my {card}], it [should have|was meant to have] arrived by now",
        "I [haven't|have not] received my {card} yet[, is it lost in the post|, did it get lost|]",
    ],
    "card_delivery_estimate": [
        "how long does [it take for a {card} to arrive|a {card} take to arrive|it take to get a {card}]",
        "[when|how soon] [can I expect|will I get|should I receive] my {card} [if I order it today|after ordering|]",
        "how many [days|working days] [is delivery|does card delivery take] [for a {card}|to {country}|]",
        "[what is|what's] the [usual|normal|expected] delivery time for a {card}",
        "if I order a {card} [now|today|this week], when [will it get here|does it usually arrive]",
        "do you [deliver cards|send cards] to {country} and how long does [it|that] take",
    ],
    "activate_card": [
        "how do I activate my {card}[, it just arrived| now that it's here|]",
        "[my|the] {card} [arrived|came today|came {since}] but [it's not active|I can't activate it|activation isn't working]",
        "where in {app} do I [activate|switch on|turn on] my {card}",
        "[I got|just received] my {card}[,| -] what do I [need to do|have to do] to [activate|start using] it",
        "[activation|activating my {card}] [keeps failing|doesn't work|gives an error] in {app}",
    ],
    "order_physical_card": [
        "[how do I|can I|I want to] order a {card}[ to my home address| for my account|]",
        "I only have a virtual card, [can I get|how do I get|I'd like] a physical one",
        "[is it possible to|can I] get a plastic card [sent to me|delivered to {country}|]",
        "I'd like to [order|request] a [second|spare|new] {card}[, how much does it cost|]",
        "where do I [order|request] [a|my] {card} in {app}",
    ],
    "get_virtual_card": [
        "how do I [get|create|make] a virtual card[ for online shopping|]",
        "[can I|is it possible to] have [a virtual card|more than one virtual card] [for shopping online|in {app}|]",
        "I want a virtual card [to pay {merchant}|for online subscriptions|for online purchases]",
        "[where|how] do I [find|generate|create] [a|the] virtual card [in {app}|]",
        "do virtual cards cost [anything|extra] and how do I [get|order] one",
    ],
    "virtual_card_not_working": [
        "my virtual card [doesn't work|isn't working|keeps getting rejected] [at {merchant}|online|for {merchant}]",
        "why [is|was] my virtual card declined [when paying|at] {merchant}",
        "the virtual card [I made|I created {since}] [won't|doesn't] [go through|work] [on {merchant}|anywhere]",
        "[payments|purchases] with my virtual card [fail|are failing|get declined] but the physical card [works|is fine]",
    ],
    "card_expiring": [
        "my {card} [expires|is expiring|runs out] [next month|soon|at the end of the month][,| -] [do I get a new one|what happens now]",
        "[will you|do you] [automatically send|send] a replacement [before|when] my {card} expires",
        "[what do I do|what should I do] [when|now that] my {card} [is about to expire|has expired]",
        "[how do I|can I] [renew|replace] an expiring {card}",
    ],
    # cards: losing one
    "lost_card": [
        "I [lost|think I lost] my {card} [{abroad}|{since}|somewhere|]",
        "[can't find|cannot find] my {card} [anywhere|since yesterday|since the weekend|]",
        "[my {card} is lost|I lost my {card}], [what should I do|how do I block it|can you cancel it]",
        "I [dropped|misplaced|left] my {card} [somewhere|in a taxi|at {merchant}] and [can't find it|it's gone]",
        "[I've|i have] lost my wallet with my {card} in it {abroad}",
    ],
    "stolen_card": [
        "my {card} [was stolen|got stolen|has been stolen] [{abroad}|{since}|]",
        "[someone|a pickpocket|a thief] [stole|took] my {card} [{abroad}|{since}|on the train]",
        "my bag was [stolen|snatched] {since} with my {card} [in it|inside][, what now|, block it please|]",
        "[I think|i believe] my {card} [was stolen|has been taken] and [someone is using it|I see payments I didn't make]",
    ],
    "freeze_card": [
        "how do I [freeze|temporarily block|pause] my {card}",
        "[can I|is it possible to] freeze my {card} [until I find it|for a few days|while I'm {abroad}]",
        "I [want to|need to] [unfreeze|unblock] my {card}[, I found it|]",
        "where is the [freeze|lock card] [button|option] in {app}",
        "[I froze|I locked] my {card} {since}, how do I [turn it back on|unfreeze it]",
    ],
    "card_swallowed": [
        "the {atm} [swallowed|kept|ate|took] my {card} [{since}|{abroad}|]",
        "my {card} [got stuck in|was retained by] the {atm}[, what do I do|, can I get it back|]",
        "[the machine|the {atm}] [didn't give|wouldn't give] my {card} back [{abroad}|{since}|]",
        "how do I get my {card} back from the {atm} [that kept it|that swallowed it]",
    ],
    "card_not_working": [
        "my {card} [isn't working anymore|doesn't work anywhere|stopped working {since}]",
        "[my|the] {card} [chip is damaged|is broken|is bent|got cracked][,| and] [it won't work|shops can't read it]",
        "[shops|terminals|card machines] [can't read|won't read|reject] my {card} [anymore|since last week|]",
        "[why is my {card} not working|why does my {card} fail everywhere|how come my {card} doesn't work] [{abroad}|today|]",
    ],
    "contactless_not_working": [
        "contactless [isn't working|doesn't work|stopped working] on my {card}",
        "[why can't I|why can I not] [pay contactless|tap to pay|use contactless] [at {merchant}|anymore|]",
        "[tapping|tap to pay] [doesn't work|keeps failing] [but chip and pin works|with my {card}]",
        "[I have to|I always have to] insert my {card} because contactless [won't go through|is declined]",
    ],
    "apple_google_pay": [
        "how do I add my {card} to [Apple Pay|Google Pay|my wallet app]",
        "[Apple Pay|Google Pay] [isn't working|won't work|keeps failing] [on my {phone}|at {merchant}|]",
        "[can I|is it possible to] use [Apple Pay|Google Pay] with your cards",
        "my {card} [won't add|can't be added] to [Apple Pay|Google Pay] on my {phone}",
    ],
    # PIN
    "pin_blocked": [
        "my PIN is blocked[, I entered it wrong three times|]",
        "I [typed|entered] the wrong PIN [too many times|three times|twice] and now [my card is blocked|it's locked]",
        "[how do I|can you] unblock my PIN[, it says PIN blocked|]",
        "the {atm} says my PIN is [blocked|locked] [{abroad}|{since}|]",
    ],
    "change_pin": [
        "how do I change my PIN[ on my {card}|]",
        "[can I|I want to] [change|set|reset] [my|the] PIN [in {app}|at an {atm}|to something new]",
        "[where|how] [can I|do I] [update|change] the PIN [for my {card}|number]",
        "is it possible to pick my own PIN [for the {card}|]",
    ],
    "forgot_pin": [
        "I [forgot|can't remember|have forgotten] my PIN[ for my {card}|]",
        "[where can I see|how can I view|how do I find] my PIN [in {app}|again|]",
        "[what's|what is] my PIN? [I never got it|I forgot it|it wasn't in the letter]",
        "I [don't know|never knew] the PIN for my {card}[, where do I find it|]",
    ],
    # card payments
    "card_payment_declined": [
        "my {card} [was declined|got declined|was refused] at {merchant}[ {since}|]",
        "why [was|is] my card payment [declined|rejected] [at {merchant}|{abroad}|]",
        "[payment|my payment of {amount}] [declined|failed] at {merchant} [but I have money|even though I have enough balance|]",
        "{merchant} [keeps declining|won't accept] my {card}[, {worried}|]",
    ],
    "card_payment_pending": [
        "my payment [to|at] {merchant} [is still pending|has been pending for {duration}|shows as pending]",
        "why [is a card payment|is my card payment of {amount}] still pending [after {duration}|]",
        "[a|my] [purchase|card payment] from {since} [hasn't gone through yet|is still pending]",
        "how long [do pending card payments|does a pending payment] [take|stay pending]",
    ],
    "card_payment_fee_charged": [
        "[why was I|I was] charged a fee [for|on] [a card payment|my payment] [at {merchant}|{abroad}|]",
        "[there's|there is] an extra [fee|charge] of {small_amount} on my card payment [at {merchant}|]",
        "why [did|does] paying [with my card|by card] {abroad} [cost me|include] a fee",
        "I paid {amount} at {merchant} [but|and] got charged [a fee|{small_amount} extra]",
    ],
    "card_payment_wrong_exchange_rate": [
        "[the|my] card payment [{abroad}|in {currency}] used [the wrong|a bad|a terrible] exchange rate",
        "I paid [in {currency}|{abroad}] and [the rate|the exchange rate] [was wrong|doesn't match|was way off]",
        "why [was my card payment at {merchant} converted at [a worse|the wrong] rate|was I charged [a worse|the wrong] rate [abroad|at {merchant}]]",
        "[the amount|the amount in pounds] for my [purchase|payment] {abroad} [is higher than it should be|doesn't match the exchange rate]",
    ],
    "unrecognised_card_payment": [
        "there's a [payment|card payment|charge] [I don't recognise|I didn't make] [from|at] {merchant}",
        "I [didn't make|never made|don't recognise] [this|a] payment of {amount} [to {merchant}|on my card]",
        "[someone|somebody] [used|has used] my {card} [to pay {merchant}|without permission|for {amount}]",
        "[strange|weird|unknown] [transaction|charge] [from {merchant}|of {amount}] on my [statement|account]",
    ],
    "duplicate_card_payment": [
        "[I was|I got] charged twice [for|at] {merchant}",
        "[the same|one] payment of {amount} [shows up|appears] [twice|two times] [on my account|in {app}]",
        "{merchant} [took|charged] the money [twice|two times][, {worried}|]",
        "[double|duplicate] [charge|payment] [from|at] {merchant} [{since}|for {amount}]",
    ],
    # exchange
    "exchange_rate": [
        "[what is|what's] [your|the] exchange rate [for|from pounds to] {currency}",
        "[how much|what rate] [will I get|do you give] [for|when I change] {amount} [in|into] {currency}",
        "[where can I see|how do I check] [the current|the live|today's] exchange rate[ for {currency}|]",
        "[is your|is the] exchange rate [the real|the interbank|a good] rate [for {currency}|]",
    ],
    "exchange_fee": [
        "[is there a|do you charge a] fee [to exchange|for exchanging|when I change money into] {currency}",
        "how much [does it cost|do you charge] to [exchange|convert] {amount} [into {currency}|]",
        "why [was I|did I get] charged [a fee|extra] [for|when] exchanging [to {currency}|money]",
        "[are there|what are the] [fees|charges] [for|on] currency exchange [at the weekend|above a limit|]",
    ],
    "supported_currencies": [
        "[which|what] currencies [do you support|can I hold|can I exchange]",
        "[can I|is it possible to] [hold|keep|have] {currency} in my account",
        "do you [support|offer|have] {currency}[ accounts|]",
        "[is|are] {currency} [supported|available] [in {app}|for exchange|]",
    ],
    "exchange_currency": [
        "how do I [exchange|convert|change] [money|{amount}] [into|to] {currency} [in {app}|]",
        "[I want to|I'd like to] [exchange|convert] [some|my] pounds [to|into] {currency} [before my trip|]",
        "[where|how] [can I|do I] [exchange|swap] currencies [in {app}|in my account]",
        "[can I|is it possible to] convert {currency} back [to|into] pounds",
    ],
    # top ups
    "top_up_failed": [
        "my {topup} [failed|didn't work|was declined|didn't go through]",
        "[I tried to|I wanted to] {topup} {amount} [but it failed|and it got declined|but got an error]",
        "why [did|does] my {topup} [keep failing|fail] [with my card|from {app}|]",
        "[can't|cannot] {topup} [my account|at all|with my {card}], it says [failed|declined|error]",
    ],
    "top_up_pending": [
        "my {topup} [is still pending|has been pending for {duration}|shows pending]",
        "why [is my {topup} of {amount} still pending|hasn't my {topup} completed] [after {duration}|yet|]",
        "[I did|I made] a {topup} {since} [and it's still pending|but it's stuck on pending]",
        "how long [does|will] a {topup} [stay pending|take to clear|take to go through]",
    ],
    "top_up_reverted": [
        "my {topup} [was reverted|got reversed|was cancelled|bounced back]",
        "[the money from my|my] {topup} [disappeared|went back to my card|was returned] [{since}|]",
        "why [was my {topup} of {amount} reverted|did my {topup} of {amount} get reversed]",
        "[I topped up|i topped up] {amount} [{since}|] [but|and then] it [was reverted|got reversed]",
    ],
    "top_up_limits": [
        "[what is|what's] the [maximum|limit] [I can {topup}|for a {topup}] [per day|per month|]",
        "how much [can I|am I allowed to] {topup} [at once|in a day|per month]",
        "[I hit|I reached] [a|the] {topup} limit[, can it be raised|, how do I increase it|]",
        "[is there a|what's the] minimum {topup} [amount|]",
    ],
    "top_up_by_bank_transfer": [
        "[how do I|can I] {topup} [by|with a|via] bank transfer",
        "[what are|where do I find] the [bank details|account details] to {topup} by transfer",
        "[I sent|I made] a bank transfer to {topup} [{since}|] [but|and] [it's not there|it hasn't arrived]",
        "how long does a {topup} by bank transfer take",
    ],
    "top_up_by_cash_or_cheque": [
        "[can I|is it possible to] {topup} [with cash|with a cheque|using cash]",
        "[how can I deposit cash into my account|where can I pay in a cheque|how do I pay in cash]",
        "do you accept cheques [for a {topup}|to add money]",
        "can I [add|put] cash [to|into] my account [at a shop|at a post office|]",
    ],
    "top_up_card_fee": [
        "why [was I|did I get] charged [a fee|{small_amount}] for [my|a] {topup} [by card|]",
        "[is there a|do you charge a] fee [to|for] {topup} [with a card|with a credit card|]",
        "[my|the] {topup} [of {amount}|] [came with|had] [a fee|an extra charge][, why|]",
        "[does|will] it cost [anything|extra] to {topup} [with my {card}|from a credit card]",
    ],
    "auto_top_up": [
        "how do I [set up|turn on|enable] auto [top up|top-up]",
        "[can I|is it possible to] [turn off|disable|stop] auto [top up|top-up]",
        "[my|the] auto [top up|top-up] [didn't work|didn't trigger|charged me twice]",
        "[can|does] [your|the] account {topup} automatically when [my balance is low|it drops below {amount}]",
    ],
    # transfers
    "transfer_pending": [
        "my {transfer} [is still pending|has been pending for {duration}|shows as pending]",
        "why [is my {transfer} to {person} still pending|hasn't my {transfer} to {person} gone through] [after {duration}|yet|]",
        "[I sent|I made] {a_transfer} {since} [and it still says pending|but the status is pending]",
        "how long [will|does] [my {transfer}|{a_transfer}] [stay pending|take to leave my account]",
    ],
    "transfer_failed": [
        "my {transfer} [failed|didn't go through|was rejected]",
        "why [did|does] my {transfer} [to {person}|of {amount}] [fail|keep failing]",
        "[I tried to send|tried sending] {amount} to {person} [but|and] it [failed|was declined|errored]",
        "the {transfer} I [made|did] {since} [failed|was returned] [for no reason|]",
    ],
    "transfer_not_received": [
        "{person} [hasn't received|didn't get|never got] the {transfer} I sent {since}",
        "I sent {amount} to {person} [but|and] they [haven't got it|say it never arrived]",
        "[the money|my {transfer}] [left my account|shows as sent] but {person} [hasn't received it|can't see it]",
        "[where is|what happened to] the {transfer} I [sent|made] to {person}? [they didn't get it|it never arrived]",
    ],
    "cancel_transfer": [
        "[how do I|can I] cancel [{a_transfer}|my {transfer}][ I just made| to {person}|]",
        "[I sent|I made] {a_transfer} [to the wrong person|by mistake|to the wrong account][, can I cancel it|, please stop it]",
        "[please|can you] [cancel|stop] the {transfer} of {amount} [to {person}|I made {since}]",
        "[is it possible|is it too late] to [cancel|reverse] {a_transfer}",
    ],
    "transfer_fee_charged": [
        "[why was I|I was] charged a fee [for|on] my {transfer}",
        "[there's|there is] [a fee|an extra charge] of {small_amount} on my {transfer} [to {person}|]",
        "do you charge [anything|a fee] for {a_transfer} [to {country}|abroad|]",
        "[my|the] {transfer} of {amount} [cost me|had] [a fee|extra][, why|]",
    ],
    "receiving_money": [
        "[how can I|how do I] [receive money|get paid] [into my account|from {person}]",
        "[what are|where are] my account details [so {person} can pay me|for {person} to pay me]",
        "[can I|is it possible to] receive [money|a transfer|my salary] [from {country}|in {currency}|]",
        "[what is|where do I find] my [IBAN|sort code and account number] [to receive money|]",
    ],
    "beneficiary_not_allowed": [
        "[it won't let me|I can't] add [a|a new] [beneficiary|payee][, it says not allowed|]",
        "why [is adding a beneficiary not allowed|does adding a payee get rejected|can't I add a beneficiary]",
        "[I'm trying to|I want to] [add|save] {person} as a [payee|beneficiary] [but it fails|and get an error]",
        "[error|message] [says|saying] beneficiary not allowed [when I try to pay {person}|]",
    ],
    "international_transfer_time": [
        "how long does [an international transfer|a transfer to {country}|a SWIFT transfer] take",
        "[when|how soon] will {person} [in {country}|abroad] [get|receive] the money I [sent|send]",
        "[how many days does money to {country} take|how many working days does a transfer to {country} take]",
        "are [transfers|payments] to {country} [instant|same day|slow]",
    ],
    # cash
    "cash_withdrawal_fee": [
        "[why was I|I was|I got] charged [a fee|{small_amount}] for [taking out|withdrawing] cash [{abroad}|]",
        "[is there a|do you charge a] fee [for withdrawing cash|for cash withdrawals] [{abroad}|at the {atm}|]",
        "[how much does it cost|what do you charge] to [use a cash machine|use an ATM|withdraw money] {abroad}",
        "[there's|there is] [a fee|a charge] on my cash withdrawal [of {amount}|{since}]",
    ],
    "cash_withdrawal_wrong_amount": [
        "the {atm} [gave me|dispensed] [less|less money|the wrong amount] [than I asked for|{abroad}|]",
        "I [took out|withdrew|asked for] {amount} [but|and] [only got|received] [part of it|less]",
        "the {atm} [didn't give me|never gave me] [the|my] cash but [my account was charged|the money left my account]",
        "[wrong|incorrect] amount [from|dispensed by] the {atm} [{since}|{abroad}]",
    ],
    "cash_withdrawal_declined": [
        "[my|a] cash withdrawal [was declined|got declined|was refused] [{abroad}|at the {atm}|]",
        "why [can't I|can I not] [withdraw|take out] [cash|money] [{abroad}|with my {card}|]",
        "the {atm} [refused|declined|rejected] my {card} [{since}|{abroad}|]",
        "[I tried to|I wanted to] withdraw {amount} [but|and] the {atm} [said declined|wouldn't let me]",
    ],
    "atm_limits": [
        "[how much cash can I|what's the most money I can] [withdraw|take out] [per day|in a day|per month]",
        "[is there a|what is the] [daily|monthly] [withdrawal|{atm}] limit",
        "[I hit|I've reached] my [withdrawal|{atm}] limit[, can you raise it|, when does it reset|]",
        "[how many free withdrawals do I get|how many free cash withdrawals are included] [per month|]",
    ],
    "atm_support": [
        "[which|what] [ATMs|cash machines|cashpoints] can I use [{abroad}|with my {card}|]",
        "[can I|is it possible to] use [any ATM|any cash machine|a cashpoint] [{abroad}|in {country}|]",
        "where [is the nearest|can I find an] {atm} [that accepts your card|without fees]",
        "does my {card} work [in|at] {atm}s [{abroad}|in {country}]",
    ],
    # refunds, debits, disputes
    "refund_not_showing": [
        "[my|the] refund from {merchant} [isn't showing|hasn't arrived|hasn't appeared] [yet|in my account]",
        "{merchant} [says they|said they] refunded [me|{amount}] {since} but [I don't see it|it's not there]",
        "[where is|still no sign of] my refund [of {amount}|from {merchant}]",
        "[how long does a refund [from {merchant}|] take to show|when will a refund [from {merchant}|] show] [in {app}|in my account]",
    ],
    "request_refund": [
        "[how do I|can I] [request|get|ask for] a refund [for|from] {merchant}",
        "I [want|need] [my money back|a refund] for [a purchase|an order|a payment] [at {merchant}|of {amount}]",
        "[can you|could you] [refund|reverse] [the|a] payment [to {merchant}|of {amount}]",
        "{merchant} [won't refund me|refuses to refund me], can you [help|get my money back]",
    ],
    "direct_debit_unknown": [
        "there's a direct debit [I don't recognise|I never set up] [from {merchant}|for {amount}]",
        "[who|what] is this direct debit [of {amount}|from {merchant}] on my account",
        "[an unknown|a strange] direct debit [took|has taken] {amount} [{since}|from my account]",
        "I [didn't authorise|never agreed to] [a|this] direct debit [with {merchant}|]",
    ],
    "cancel_direct_debit": [
        "how do I cancel a direct debit [to {merchant}|in {app}|]",
        "[I want to|please] [stop|cancel] [my|the] direct debit [to|for] {merchant}",
        "[can I|is it possible to] [cancel|stop] [a|my] direct debit [before it's taken|today|]",
        "[where|how] [do I|can I] [see and cancel|manage] my direct debits",
    ],
    "dispute_charge": [
        "I want to dispute a [charge|payment] [from|at] {merchant}",
        "[how do I|can I] [raise|open|start] a [dispute|chargeback] [for {amount}|against {merchant}]",
        "{merchant} [never delivered|didn't send] [my order|the item] [and|so] I [want to dispute it|need a chargeback]",
        "[I paid|paid] {merchant} {amount} [for something|for goods] I [never got|didn't receive], [dispute it|can you help]",
    ],
    # identity and security
    "verify_identity": [
        "how do I [verify|confirm] my identity[ in {app}|]",
        "[what|which] [documents|ID] [do I need|can I use] to [verify|prove] my identity",
        "[where|how] [do I|can I] [upload|send] my [ID|passport|driving licence] [for verification|]",
        "[I need to|asked to] verify my identity[, what do I do|, how does it work|]",
    ],
    "identity_verification_failed": [
        "my identity verification [failed|was rejected|didn't pass]",
        "why [was my ID rejected|was my passport rejected|did my selfie get rejected|did my ID check fail] [{since}|]",
        "[verification|the ID check] [keeps failing|failed again] [when I upload my passport|in {app}|]",
        "[I tried|tried] to verify [my identity|my ID] [{since}|three times] [but|and] it [says failed|didn't work]",
    ],
    "why_verify_identity": [
        "why do I [need|have] to verify my identity",
        "[why are you asking for my [ID|passport|selfie]|what do you need my [ID|passport|selfie] for]",
        "[is it necessary|do I really have] to [verify|prove] [who I am|my identity] [to use the account|]",
        "why is [the app|{app}] asking me to verify [my identity|again]",
    ],
    "verify_source_of_funds": [
        "why [do you need proof of|are you asking about] [where my money comes from|my source of funds]",
        "[how do I|what do I need to] [prove|show] [the source of my funds|where the {amount} came from]",
        "[what|which] documents [are accepted|can I send] for source of funds [verification|]",
        "[my account|a payment of {amount}] [is on hold|was held] [until I prove|pending] source of funds",
    ],
    "compromised_account": [
        "I think [my account has been hacked|my account was compromised|someone got into my account]",
        "[someone|somebody] [logged into|accessed] my account [without permission|{since}|from {country}]",
        "[I got|got] a [weird|suspicious|strange] [login|sign in] [alert|notification] [from {country}|{since}|]",
        "[my password may have been|my details were|my password was] [leaked|stolen][, is my account safe|, what do I do|]",
    ],
    "account_frozen": [
        "my account [is frozen|has been frozen|was blocked|is restricted] [{since}|for no reason|]",
        "why [is|was] my account [frozen|blocked|suspended] [{since}|]",
        "[I can't|i cannot] [use|access] my money, [my account is frozen|the account says blocked]",
        "[when|how soon] [will|can] my account be [unfrozen|unblocked|unlocked][, {worried}|]",
    ],
    "passcode_forgotten": [
        "I forgot my [passcode|app passcode|login code][, how do I reset it|]",
        "[how do I|can I] [reset|change] the passcode [for|in] {app}",
        "[can't|cannot] remember [my|the] passcode [for|to open] {app}",
        "[locked out|i'm locked out] of {app} [because|as] I forgot the passcode",
    ],
    "app_login_problem": [
        "I can't [log in to|sign in to|get into] {app}[ on my {phone}|]",
        "{app} [won't let me|doesn't let me] [log in|sign in] [{since}|anymore|on my {phone}]",
        "[the|my] [login|verification] code [never arrives|doesn't come|isn't sent] [when I log in|by SMS]",
        "[I got a new {phone}|new {phone}] [and|but] [can't log in|can't access my account] [anymore|]",
    ],
    # account and profile
    "age_limit": [
        "[how old|what age] do I [have to|need to] be to [open|get] an account",
        "can [my son|my daughter|a teenager] [open|have] an account",
        "[is there an|what is the] [age limit|minimum age] [for an account|for a card|]",
        "[I'm|I am] [16|15|17] [can I|is it possible to] [sign up|open an account]",
    ],
    "country_support": [
        "do you [work|operate|have customers] in {country}",
        "[can I|is it possible to] open an account if I live in {country}",
        "[which|what] countries [do you support|are supported|can I sign up from]",
        "[I'm moving|I moved] to {country}, [can I|will I be able to] keep [my|the] account",
    ],
    "open_joint_account": [
        "[can I|how do I] open a joint account [with {close_person}|]",
        "[do you offer|is there] [joint accounts|a shared account] [for couples|]",
        "[I want to share an account with {close_person}|we want to open a shared account]",
        "[can|could] {close_person} [be added to|join] my account",
    ],
    "close_account": [
        "[how do I|I want to] close my [bank account|account][ with you|]",
        "[please|can you] [close|delete] my account [and send the money to my other bank|]",
        "[I'd like to|I want to] [terminate|cancel] my account [today|permanently|]",
        "[what happens to my balance|where does my money go] if I close my account",
    ],
    "change_personal_details": [
        "how do I change my [name|email|phone number] [on|in] my account",
        "[I got married|I changed my name] [and|so] need to [update|change] my [name|details]",
        "[can I|how do I] update my [email address|mobile number] [in {app}|]",
        "[my|the] [phone number|email] on [my account|file] is [wrong|out of date][, how do I fix it|]",
    ],
    "update_address": [
        "[I moved|I've moved|we moved] [house|] [and|so] need to [update|change] my address",
        "how do I [change|update] my [home|postal] address [in {app}|on my account]",
        "[my|the] address on my account is [wrong|old|out of date]",
        "[can|should] I [change|update] my address before [my {card} is sent|ordering a {card}]",
    ],
    "statement_request": [
        "[how do I|where can I] [get|download|find] [a|my] [bank statement|statement] [for last month|for the last year|for March|]",
        "[I need|can I get] [a|an official] statement [for my landlord|for a visa|for my mortgage]",
        "[can you|could you] [send|email] me [my|a] statement [for the last 3 months|in PDF]",
        "[where|how] [do I|can I] export my transactions [from {app}|]",
    ],
    "balance_not_updated": [
        "my balance [hasn't updated|is wrong] [after a deposit|after my {topup}|after a transfer came in]",
        "[the|my] balance [in {app}|] [doesn't show|isn't showing] [the money I added|my deposit]",
        "[I|i] [received|got] {amount} {since} but my balance [is the same|didn't change]",
        "why [hasn't my balance updated|didn't my balance update] [after a transfer|yet|]",
    ],
    # products
    "savings_interest_rate": [
        "[what is|what's] the interest rate [on|for] [savings|your savings account]",
        "[how much|what] interest [will I earn|do I get] [on {amount}|on my savings|per year]",
        "[do you pay|is there] interest on [my balance|savings|money in the account]",
        "[has the interest rate changed|did the savings rate go down|did the interest rate go up] [recently|this month|]",
    ],
    "open_savings_account": [
        "[how do I|can I] open a savings account",
        "[I want to|I'd like to] [start saving|put money aside] [in a savings account|each month]",
        "[do you have|is there] a savings [account|pot|vault] [I can open|in {app}]",
        "[can I|how do I] move {amount} into [a|my] savings [account|pot]",
    ],
    "overdraft_request": [
        "[can I|how do I] [get|apply for] an overdraft",
        "[do you offer|is there] an [arranged|] overdraft [on|for] [my account|current accounts]",
        "[I need|I'd like] an overdraft of {amount} [until payday|for a few days|]",
        "[can you|could you] [raise|increase] my overdraft [limit|] [to {amount}|]",
    ],
    "loan_application": [
        "[can I|how do I] [apply for|get] a [personal loan|loan] [of {big_amount}|]",
        "[do you offer loans|is there a personal loan] [for a car|for home improvements|]",
        "[what is|what's] the interest rate [on|for] a [loan|personal loan] of {big_amount}",
        "[I'd like to|I want to] borrow {big_amount} [over 2 years|for a car|]",
    ],
    "loan_repayment": [
        "[how do I|can I] [make an extra loan repayment|pay extra off my loan|make an early payment on my loan]",
        "[when is|what date is] my next loan [repayment|payment] [due|taken]",
        "[can I|is it possible to] pay off my loan early [without a fee|]",
        "[I missed|I can't make] [a|my] loan [repayment|payment] [{since}|this month][, what happens|]",
    ],
    "cheque_deposit_mobile": [
        "[how do I|can I] [deposit|pay in] a cheque [with|using] {app}",
        "[I scanned|I photographed] a cheque [{since}|] [but|and] [it's not in my account|it got rejected]",
        "[how long does a [mobile|] cheque deposit take to clear|when will a cheque I paid in clear]",
        "[is there a|what is the] limit for [depositing cheques|mobile cheque deposits]",
    ],
    "fee_schedule": [
        "[what|which] [fees|charges] do you [have|charge] [for|on] [my plan|a standard account|]",
        "[is the account free|does the account have a monthly fee]",
        "[where|how] [can I|do I] see [all|a list of] [your|the] fees",
        "[how much|what] does the [premium|metal|plus] plan cost [per month|]",
    ],
    "spending_limit": [
        "[how do I|can I] set a spending limit on my {card}",
        "[I want to|can I] [limit|cap] [how much|what] [I spend|I can spend] [per week|per month|at {merchant}]",
        "[is there a|what is the] [daily|monthly] [spending|card payment] limit [on my {card}|]",
        "[my|a] payment [of {amount}|] [was blocked|failed] [because of|due to] [a|my] spending limit",
    ],
}

# Vague texts that several neighbouring intents share: a small share of each such intent's texts comes from here,
# so that nearly the same words carry different labels, as in real help-desk logs, and no classifier gets them all.
VAGUE = {
    ("card_arrival", "card_delivery_estimate", "order_physical_card"): [
        "[question about|what about] my {card} [delivery|order]",
        "[when|where] is my {card}",
    ],
    ("lost_card", "stolen_card", "freeze_card"): [
        "[I don't have|I no longer have] my {card}[, what now|, please help|]",
        "[please block|block] my {card} [right now|immediately|]",
    ],
    ("top_up_failed", "top_up_pending", "top_up_reverted", "balance_not_updated"): [
        "[something is wrong with|problem with] my {topup}[ of {amount}|]",
        "[what happened to|where is] my {topup} [from {since}|of {amount}]",
    ],
    ("transfer_pending", "transfer_failed", "transfer_not_received"): [
        "[something is wrong with|problem with] my {transfer} to {person}",
        "[what happened to|what's going on with] the {transfer} [I made {since}|of {amount}]",
    ],
    ("card_payment_fee_charged", "transfer_fee_charged", "cash_withdrawal_fee", "exchange_fee", "top_up_card_fee"): [
        "[why was I charged|what is] [this|a] fee of {small_amount}",
        "[there's|I see] [a|an unexpected] fee [on my account|in {app}] [{since}|]",
    ],
    ("unrecognised_card_payment", "duplicate_card_payment", "dispute_charge", "direct_debit_unknown"): [
        "[there's|I see] a [weird|wrong] payment [to|from] {merchant} [of {amount}|on my account]",
        "[I want to|I need to] [query|question] a payment to {merchant}",
    ],
    ("verify_identity", "identity_verification_failed", "why_verify_identity"): [
        "[question about|problem with] [the|my] identity [verification|check]",
        "[what's going on with|help with] [verifying|checking] my [ID|identity]",
    ],
    ("passcode_forgotten", "app_login_problem", "compromised_account", "account_frozen"): [
        "[I can't|I cannot] get into my account[ {since}|]",
        "[I'm|i am] locked out of my account[, {worried}|]",
    ],
}
VAGUE_SHARE = 0.06

# The five intents that the fast path answers with a canned reply; every other intent goes to the LLM.
REPLIES = {
    "supported_currencies": "You can hold and exchange more than 30 currencies, including EUR, USD, GBP, CHF, JPY, "
                            "PLN and SEK. The full list is under Accounts > Currencies in the app.",
    "country_support": "You can open an account if you live in the UK or in a country of the European Economic Area.",
    "age_limit": "You need to be 18 to open an account. From 13 to 17 a parent can open a junior account for you.",
    "fee_schedule": "Our fees are listed under Profile > Plans & fees in the app and at https://bank.example/fees.",
    "atm_support": "Your card works at any ATM showing the Visa or Mastercard logo, in the UK and abroad.",
}

VAGUE_OF = {name: templates for names, templates in VAGUE.items() for name in names}
TYPO_KINDS = ("swap", "drop", "double")
WORD = re.compile(r"[A-Za-z]{4,}")


def expand(template, rng):
    """Fills a template: the innermost [a|b|c] first, then each {slot}, until nothing is left."""
    text = template
    for _ in range(10):
        before = text
        text = re.sub(r"\[([^\[\]]*)\]", lambda m: rng.choice(m.group(1).split("|")), text)
        text = re.sub(r"\{(\w+)\}", lambda m: rng.choice(SLOTS[m.group(1)]), text)
        if text == before:
            return text
    raise ValueError("template does not resolve: " + template)


def typo(text, rng):
    """One keyboard slip in a word of four letters or more."""
    words = list(WORD.finditer(text))
    if not words:
        return text
    m = rng.choice(words)
    w, i = m.group(0), rng.randrange(1, len(m.group(0)) - 1)
    kind = rng.choice(TYPO_KINDS)
    if kind == "swap":
        w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    elif kind == "drop":
        w = w[:i] + w[i + 1:]
    else:
        w = w[:i] + w[i] + w[i:]
    return text[:m.start()] + w + text[m.end():]


def dress(core, rng):
    """Turns a filled template into a chat line: opener, closer, casing, punctuation, shorthand, typos."""
    opener, closer = rng.choice(OPENERS), rng.choice(CLOSERS)
    question = re.match(r"(how|what|why|where|when|which|who|can|could|is|are|do|does|did|will|has|have|should)\b",
                        core, re.I) is not None
    end = "?" if question else rng.choice([".", "", "", "!"])
    if question and rng.random() < 0.3:
        end = rng.choice(["", "??"])
    text = core.rstrip(" ,?") + end
    if opener:
        text = opener + " " + (text if re.match(r"I\b", text) else text[0].lower() + text[1:])
    if closer:
        text = text.rstrip(".!") + ("" if text.endswith("?") else ",") + " " + closer
    style = rng.random()
    if style < 0.35:
        text = text.lower()
    elif style < 0.85:
        text = text[0].upper() + text[1:]
    if rng.random() < 0.15:
        pattern, short = rng.choice(SHORTHAND)
        text = re.sub(pattern, short, text, flags=re.I)
    slips = rng.choices([0, 1, 2], weights=[84, 13, 3])[0]
    for _ in range(slips):
        text = typo(text, rng)
    text = re.sub(r"\b(new) new\b", r"\1", text, flags=re.I)
    return re.sub(r"\s+([,?!.])", r"\1", re.sub(r"\s+", " ", text)).strip()


def key(text):
    """What makes two texts the same: case, punctuation and spacing do not count."""
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def generate(intents, counts, rng, seen):
    """Per intent, counts[name] new distinct texts of 5 to 30 words, in a deterministic order."""
    out = {}
    for name in intents:
        texts, attempts = [], 0
        while len(texts) < counts[name]:
            attempts += 1
            if attempts > 200 * counts[name] + 1000:
                sys.exit(f"make-large-bot: intent {name} ran out of distinct texts after {len(texts)}")
            templates = INTENTS[name]
            if name in VAGUE_OF and rng.random() < VAGUE_SHARE:
                templates = VAGUE_OF[name]
            text = dress(expand(rng.choice(templates), rng), rng)
            if not 5 <= len(text.split()) <= 30 or key(text) in seen:
                continue
            seen.add(key(text))
            texts.append(text)
        out[name] = texts
    return out


def spread(total, names):
    """total split as evenly as possible, the first intents taking the remainder."""
    base, extra = divmod(total, len(names))
    return {name: base + (1 if i < extra else 0) for i, name in enumerate(names)}


def write_tsv(path, header, texts_by_intent):
    lines = [header] + [f"{name}\t{text}" for name, texts in texts_by_intent.items() for text in texts]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_yaml(path, names):
    lines = ["name: large-bank", "intents:"]
    for name in names:
        lines.append(f"  - name: {name}")
        if name in REPLIES:
            lines += ["    route: reply", f"    replies: [{json.dumps(REPLIES[name], ensure_ascii=False)}]"]
        else:
            lines.append("    route: llm")
    lines.append("unknown: {route: llm}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--intents", type=int, default=len(INTENTS), help=f"how many intents (1..{len(INTENTS)})")
    parser.add_argument("--examples", type=int, default=10000, help="training texts in all")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not 1 <= args.intents <= len(INTENTS):
        parser.error(f"--intents must be between 1 and {len(INTENTS)}")
    if args.examples < args.intents:
        parser.error("--examples must be at least --intents")

    names = list(INTENTS)[:args.intents]
    rng = random.Random(args.seed)
    seen = set()
    train = generate(names, spread(args.examples, names), rng, seen)
    held_counts = {name: max(1, math.ceil(len(train[name]) / 10)) for name in names}
    heldout = generate(names, held_counts, rng, seen)

    args.outdir.mkdir(parents=True, exist_ok=True)
    made_by = f"bench/make-large-bot.py --intents {args.intents} --examples {args.examples} --seed {args.seed}"
    write_yaml(args.outdir / "bot.yaml", names)
    write_tsv(args.outdir / "train.tsv", f"# Generated by {made_by}: intent<TAB>text. Never mix with heldout.tsv.",
              train)
    write_tsv(args.outdir / "heldout.tsv", f"# Generated by {made_by}: held-out texts, none of them in train.tsv.",
              heldout)
    n_train = sum(map(len, train.values()))
    n_held = sum(map(len, heldout.values()))
    print(f"{args.outdir}: intents {len(names)}, training texts {n_train}, held-out texts {n_held}, "
          f"distinct texts {len(seen)}, reply-route intents {sum(n in REPLIES for n in names)}")


assert len(INTENTS) == 77
# Intent names as the domain takes them (Intent: [a-z0-9_]+, at most 32 characters).
assert all(re.fullmatch(r"[a-z][a-z0-9_]{0,31}", n) for n in INTENTS) and not {"crisis", "unknown"} & set(INTENTS)
assert set(REPLIES) <= set(INTENTS) and set(VAGUE_OF) <= set(INTENTS)
assert sum(len(names) for names in VAGUE) == len(VAGUE_OF)

if __name__ == "__main__":
    main()
