-- "Who's online" lists a member by name only if she chose to be shown
-- (issue 16); everyone else is only counted.
ALTER TABLE users ADD COLUMN shown_online boolean NOT NULL DEFAULT false;
