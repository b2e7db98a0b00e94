-- Group courses (issue 18): a course may be for one group only (a class
-- group's course). Only the group's active members see and take it; a
-- confidential group's course does not exist for anyone else. The group is
-- named exactly when the audience is 'group'.
ALTER TABLE courses DROP CONSTRAINT courses_audience_check;
ALTER TABLE courses ADD CONSTRAINT courses_audience_check
    CHECK (audience IN ('open', 'members', 'group'));
ALTER TABLE courses ADD COLUMN group_id uuid REFERENCES groups;
ALTER TABLE courses ADD CONSTRAINT courses_group_named_check
    CHECK ((audience = 'group') = (group_id IS NOT NULL));
CREATE INDEX courses_group_idx ON courses (group_id) WHERE group_id IS NOT NULL;
