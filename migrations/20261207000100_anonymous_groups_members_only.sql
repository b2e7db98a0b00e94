-- Anonymous posts are written in confidence (burnout, guilt, mistakes at
-- work): a group that allows them is read by its members only. Existing
-- public groups that allow anonymous posting become closed, the safer of
-- the two ways to make the rule true — what was written there stays with
-- the people it was written for — and the rule holds from now on.
UPDATE groups SET visibility = 'closed' WHERE allow_anonymous AND visibility = 'public';
ALTER TABLE groups ADD CONSTRAINT groups_anonymous_not_public
    CHECK (NOT (allow_anonymous AND visibility = 'public'));
