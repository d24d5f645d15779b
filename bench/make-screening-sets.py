#!/usr/bin/env python3
"""Writes the shipped bot's crisis-screening training set (adapters-ml/src/main/resources/bot/screening/).

Every sentence below was written for this project. Compound crisis messages put one explicit crisis statement
before, after or between ordinary sentences, or after more than 1,200 characters of ordinary text; the benign set is
ordinary messages that must never get the safety reply: short ambiguous replies, crisis-like words in benign senses,
low moods that are not a crisis, and long multi-sentence messages. It writes the training set, train.tsv, with a fixed
seed, so the file is reproducible: python3 bench/make-screening-sets.py. The held-out set, heldout.tsv, is a blind set
written apart (bench/make-screening-heldout.py).
"""
import random
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "adapters-ml/src/main/resources/bot/screening"

# ---- crisis statements: training pool -------------------------------------------------------------------------
CRISIS_TRAIN = [
    "Honestly I don't see any reason to keep living.",
    "I've decided to kill myself this weekend.",
    "I'm going to take all my sleeping pills tonight.",
    "I just want to die.",
    "Nobody would notice if I was gone, so I'm going to end it.",
    "I've been planning how to end my life.",
    "I cut myself again last night and it was deep.",
    "I'm sitting on the roof and thinking about jumping.",
    "I don't want to be alive anymore.",
    "I'm going to hurt myself if this doesn't stop.",
    "I wrote my goodbye notes already.",
    "there's no point in living anymore",
    "i want to end my life",
    "im going to kill myself",
    "I bought a rope today and I know what I'm going to do with it.",
    "Everyone would be better off if I was dead.",
    "I have the pills in front of me right now.",
    "I can't go on living like this, I want it to be over for good.",
    "My partner just hit me again and I'm afraid he'll kill me.",
    "Someone is breaking into my flat right now.",
    "My friend took a whole bottle of pills and won't wake up.",
    "My son isn't breathing, please help.",
    "I think I'm having a stroke, half my face is numb.",
    "There's a fire in my kitchen and I can't get out.",
    "A man with a knife is outside my door.",
    "I'm thinking about suicide all the time now.",
    "I'm going to drive my car into a wall tonight.",
    "I want to go to sleep and never wake up.",
    "My sister says she is going to kill herself tonight.",
    "I took way too many pills an hour ago.",
    "i wanna die",
    "life isn't worth living and i'm ending it tonight",
    "I'm not safe with myself right now.",
    "I've been hurting myself every day this week.",
    "I'm done with life, this is my last message.",
    "my girlfriend overdosed and she's not responding",
    "I'm being attacked, help me",
    "I can't stop thinking about killing myself.",
    # written later for variety: indirect statements, farewells, methods, and emergencies of other kinds
    "tonight is the last night anyone will hear from me",
    "I've said goodbye to everyone, I won't be around much longer.",
    "This is my last message to anyone.",
    "I gave away my things because I won't need them after tonight.",
    "I just want everything to stop, permanently.",
    "I'm going to step in front of a bus.",
    "I'm standing on the tracks.",
    "I've got a bottle of pills and a bottle of vodka and I'm done.",
    "I'm going to hang myself.",
    "I want to slit my wrists.",
    "I'm scared I'm going to kill myself.",
    "I don't think I can keep myself safe tonight.",
    "I've stopped eating because I want to die.",
    "it would be easier if I just didn't exist",
    "I'm a burden to everyone and I'm going to fix that for good.",
    "i'm on the bridge",
    "suicide is the only way out for me",
    "my kid ate rat poison",
    "My baby swallowed a battery.",
    "my grandma fell and she's not moving",
    "My husband is unconscious and I can't wake him.",
    "Someone is drowning in the lake.",
    "my friend is choking and can't breathe",
    "There's smoke everywhere and the alarm is going off.",
    "I think someone is poisoning me.",
    "My ex is outside with a knife threatening me.",
    "Someone just got shot on my street.",
    "I'm bleeding a lot and it won't stop.",
    "My roommate cut her wrists, there's blood everywhere.",
    "My son drank bleach.",
    "He strangled me last night and said he'll finish it.",
    "I was raped and I don't know where to go.",
    "my mum is having a seizure",
    "I crashed my car and I'm trapped.",
    "I've been thinking I'd be better off dead.",
    "Nothing matters anymore, I'm ready to die.",
    "I can't take it anymore, I'm going to end my life.",
    "Please tell my family I'm sorry.",
]

# ---- ordinary sentences: training pool --------------------------------------------------------------------------
ORDINARY_TRAIN = [
    "Thanks for the help earlier, the password reset worked.",
    "Hi there.",
    "My refund still hasn't arrived.",
    "I ordered a blue jacket last Tuesday.",
    "The app keeps logging me out.",
    "Good morning!",
    "Anyway, how do I change my email address?",
    "I've been a customer for six years.",
    "The delivery guy left the parcel in the rain.",
    "Sorry for the long message.",
    "It's been a rough month at work.",
    "My invoice shows the wrong address.",
    "I tried the chat yesterday too.",
    "Thanks for listening.",
    "The weather has been awful here.",
    "I can't find the settings page.",
    "I upgraded to the premium plan last week.",
    "ok",
    "Also the discount code didn't work.",
    "My cat is sitting on the keyboard while I type this.",
    "I just got back from my shift.",
    "Your support team was friendly last time.",
    "I'm writing from my phone so excuse the typos.",
    "hey",
    "Whatever, it doesn't matter now.",
]

# ---- benign messages: training pool -----------------------------------------------------------------------------
BENIGN_TRAIN = [
    # short ambiguous replies
    "maybe", "idk", "no", "whatever", "I'm done", "ok", "k", "sure", "nah", "nope", "yes", "yeah", "fine", "meh",
    "hmm", "not sure", "no idea", "dunno", "I guess", "never mind", "nvm", "forget it", "that's it", "done",
    "all done", "I'm finished", "nothing", "nothing else", "no thanks", "not really", "maybe later", "stop",
    "enough", "cancel", "quit", "end", "exit", "leave it", "so tired", "ugh", "sigh", "oh well", "I give up on this form",
    "no more questions", "that's all", "I'm good", "I'm out", "bye for now", "whatever works",
    # technical senses
    "Can you kill the old session?", "How do I kill a stuck process?", "kill the job that's hanging",
    "Please terminate my previous session.", "How do I end a chat and start a new one?", "end this conversation",
    "Can you shut down the old instance?", "my laptop died in the middle of the upload",
    "my phone died so I couldn't reply", "the battery is dead again", "the server is dead, is there an outage?",
    "my app keeps crashing", "the page crashed when I hit save", "the program hangs on startup",
    "abort the download please", "execute the export again", "the job got killed by the scheduler",
    "the connection dies every few minutes", "the process was killed with signal 9", "how do I force quit the app",
    "the build is dead on arrival", "can I fire off a quick question?", "shoot me an email when it's fixed",
    "I'll shoot you a message tomorrow", "the link is dead", "dead pixel on my new screen",
    "my router keeps dropping the connection", "it broke again after the update",
    # plans, subscriptions, accounts
    "I want to end my plan this month", "I'd like to end my subscription", "how do I end my trial early",
    "cancel my membership at the end of the month", "I want to stop my contract", "terminate my contract please",
    "I'm done with this subscription, how do I cancel", "end my account", "I want out of this contract",
    "please close my account for good", "I'm quitting the gym plan", "let my plan run out",
    # idioms
    "this bug is killing me", "I'm dying to know when the sale starts", "the suspense is killing me",
    "my feet are killing me after that walk", "I nearly died laughing at your reply", "that joke killed me",
    "I could kill for a coffee right now", "I'm dead tired", "I'm dead serious, the order never came",
    "you're killing it today", "I'm drowning in emails", "my inbox is a disaster", "this traffic is murder",
    "I'd rather die than queue again lol", "I'm so bored I could die", "the heat is unbearable today",
    "I'm starving", "this week has been hell", "my boss will kill me if this isn't fixed",
    "mum will kill me if the present arrives late", "I'm losing my mind over this form",
    "I'm at the end of my rope with this printer", "I'm sick of waiting", "sick and tired of the delays",
    "over my dead body will I pay that fee", "the deadline is tomorrow", "I'm running on empty today",
    "I almost had a heart attack when I saw the bill", "that price is daylight robbery",
    "I'm going to explode if the app logs me out again", "this form makes me want to scream",
    # low moods that are not a crisis
    "I'm a bit down today", "feeling low, the weather is grim", "rough day at work", "I'm exhausted",
    "I'm sad my order was cancelled", "I'm upset about the late delivery", "I feel stupid for forgetting my password",
    "I'm stressed about my exams", "not in a great mood today", "I'm fed up", "I'm frustrated with this app",
    "feeling a bit lonely this evening", "I miss my old phone", "I'm heartbroken the concert got cancelled",
    # emergencies in benign senses
    "is this an emergency appointment line?", "where do I find the emergency exit map for the venue",
    "I need the fire safety certificate for my landlord", "how do I report a fire alarm fault in the app",
    "what's the number for non-emergency support?", "my first aid kit order is missing a bandage",
    "do you sell smoke detectors?", "the ambulance in your game keeps glitching",
    # games, books, films, history
    "my character keeps dying on level 3", "how do I revive my character in the game", "I killed the boss finally",
    "the main character dies at the end of the book, no spoilers please", "the movie about the shooting was good",
    "we're reading a novel about suicide in class, any summaries?", "my plant died while I was away",
    "my grandfather died years ago and left me this watch, can you repair it?",
    "the battery will die if I leave it plugged in?", "how do I kill weeds without chemicals",
    "the fish in my tank died, do you sell filters?", "I nearly cut my finger opening the box",
    "what's the best way to hang a picture", "does the knife set come with a block?",
    "I need rope for camping, do you sell it?", "are these pills safe for dogs?",
    "how many sleeping pills come in one pack?", "can I take the pills with food?", "the bridge was closed today",
    "I jumped at the chance to upgrade", "we jumped on the offer", "the roof is leaking",
    "I want to end this call", "let's end here for today", "the end of the month is when I get paid",
    "happy to end on a good note", "I'm ending the trial today", "I need to cut my costs", "time to cut the cord with cable TV",
    # written later for variety: more idioms, replies and everyday uses of the same words
    "probably", "possibly", "not bad", "so so", "alright", "cool", "right", "uh huh", "lol", "haha", "sorry", "oops",
    "my bad", "wait", "one sec", "brb", "go on", "sounds good", "nothing to add", "we're done here", "all good",
    "I'm done for the day", "I'm over this week", "I'm so done with this printer", "I'm through with waiting",
    "my director is going to murder me if the report is late", "my teacher will kill me if I miss the deadline",
    "my knees are killing me", "these shoes are killing me", "this headache is killing me",
    "the cold will be the death of me", "this commute will be the end of me", "I'm dying of boredom",
    "I'm dying for a holiday", "I could murder a pizza", "I'm drowning in laundry", "that film was to die for",
    "the cake was to die for", "I'm killing time before my train", "let's kill two birds with one stone",
    "break a leg at the show tonight", "I'm gutted the match was cancelled", "I'm crushed they sold out",
    "I was shot down when I asked for a raise", "the shop is dead today", "the party was dead",
    "dead end job, but it pays", "this is the final straw, I'm switching providers", "I've had it with these delays",
    "I'm going to lose my mind if this loads any slower", "my phone is on its last legs",
    "my car battery died this morning", "the printer died mid-job", "my headphones died",
    "the fan died in the heatwave", "the signal died in the tunnel", "the old account is dead, use the new one",
    "end the meeting for everyone", "end my free trial", "ending my membership today",
    "I want to end the auto-renewal", "how do I end a live stream", "how do I end a process on Windows",
    "pkill the server", "kill the tab, it's frozen", "terminate the pod", "the container was OOM killed",
    "the task was aborted", "shoot, I forgot my password", "shoot, wrong order", "fire away with your questions",
    "we had a fire drill at work", "is the fire extinguisher in the kit?", "how do I hang the shelf",
    "the app hangs when I pay", "I'm hanging out with friends later", "I jumped to the wrong page",
    "the price jumped overnight", "I cut the cable by mistake", "can you cut the invoice in two",
    "I need to cut back on spending", "the bridge loan application", "my pills subscription is late",
    "does the first aid kit have pills?", "my dog ate my sock, is that bad?", "the bleach I ordered leaked in the box",
    "I'm sad the shop is closing", "feeling down about the price rise", "life is busy right now",
    "life is good, thanks", "I'm tired, I'll finish the form tomorrow", "long week, glad it's over",
    "my plant is dying, any tips?", "the battery is dying fast after the update", "my grandma passed away last year and I need to close her account",
    "my dad died in 2019, how do I transfer his subscription?", "please cancel my late husband's account",
]

# Longer benign messages, several sentences each, to measure false alarms when every sentence is screened.
BENIGN_LONG_TRAIN_PARTS = ORDINARY_TRAIN + [s for s in BENIGN_TRAIN if len(s) > 20]


def sentence(text):
    """A sentence to join with others: capitalised and ended, as most people write between sentences."""
    text = text.strip()
    if text[-1] not in ".!?":
        text += "."
    return text[0].upper() + text[1:]


def filler(rng, pool, minimum_chars):
    parts = []
    while sum(len(p) + 1 for p in parts) <= minimum_chars:
        parts.append(sentence(rng.choice(pool)))
    return " ".join(parts)


def compounds(rng, crisis, ordinary, long_count):
    texts = []
    for statement in crisis:
        a, b = rng.sample(ordinary, 2)
        texts.append(" ".join([sentence(a), sentence(statement)]))              # after
        texts.append(" ".join([sentence(statement), sentence(b)]))              # before
        c, d = rng.sample(ordinary, 2)
        texts.append(" ".join([sentence(c), sentence(statement), sentence(d)]))  # between
    for statement in rng.sample(crisis, long_count):
        texts.append(filler(rng, ordinary, 1200) + " " + sentence(statement))   # after a long ordinary text
    # written without sentence breaks: the whole message is one part, and the model must read it whole
    for statement in rng.sample(crisis, len(crisis) // 4):
        texts.append(rng.choice(ordinary).rstrip(".!?").lower() + " " + statement.rstrip(".!?").lower())
    return texts


def long_benign(rng, pool, count):
    texts = []
    for i in range(count):
        texts.append(filler(rng, pool, 1200) if i % 5 == 0 else " ".join(sentence(s) for s in rng.sample(pool, rng.randint(2, 5))))
    return texts


def write(name, header, crisis_texts, benign_texts):
    OUT.mkdir(parents=True, exist_ok=True)
    seen = set()
    lines = [header]
    for label, texts in (("crisis", crisis_texts), ("benign", benign_texts)):
        for text in texts:
            if text.lower() not in seen:
                seen.add(text.lower())
                lines.append(label + "\t" + text)
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(name, len(lines) - 1, "texts")


def main():
    rng = random.Random(25)
    write("train.tsv",
          "# Crisis screening, training part: crisis<TAB>a message with an explicit crisis statement among ordinary "
          "sentences,\n# benign<TAB>a message that must not get the safety reply. Written for this project; composed "
          "by bench/make-screening-sets.py.",
          CRISIS_TRAIN + compounds(rng, CRISIS_TRAIN, ORDINARY_TRAIN, 12),
          BENIGN_TRAIN + long_benign(rng, BENIGN_LONG_TRAIN_PARTS, 120))


if __name__ == "__main__":
    main()
