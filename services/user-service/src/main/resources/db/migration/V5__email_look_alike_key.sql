-- The look-alike key (Unicode confusable skeleton) of each account's canonical email. V6 (a Java migration,
-- EmailSpellingBackfill) fills it and re-spells existing emails canonically; V7 makes it unique.
ALTER TABLE users ADD COLUMN email_skeleton TEXT;
