-- Intents became a bot's data, named in lowercase (greeting, order_status); rows written while they were a Java enum
-- hold the enum's names (GREETING), in the intent column and as the keys of the scores object. Scores hold only those
-- keys and numbers, and a number's exponent reads the same in lower case (1.0e-4).
UPDATE messages SET intent = LOWER(intent), scores = LOWER(scores) WHERE intent IS NOT NULL;
