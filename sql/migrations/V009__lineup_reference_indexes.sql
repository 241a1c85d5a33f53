-- Every reference to a lineup row gets an index of its own. Without them, deleting lineup
-- rows (a rollback's substitutions, a game's cleanup) checks each reference by scanning
-- every play of the season: eight rows cost over a second at 2,430 games. The runners',
-- catcher's and replaced man's indexes leave out the empty ones (most plays have no runner
-- on third); a foreign-key check asks for one id, which those indexes answer.
CREATE INDEX plays_batter_idx ON core.plays (batter_id);
CREATE INDEX plays_pitcher_idx ON core.plays (pitcher_id);
CREATE INDEX plays_catcher_idx ON core.plays (catcher_id) WHERE catcher_id IS NOT NULL;
CREATE INDEX plays_on_first_idx ON core.plays (on_first_id) WHERE on_first_id IS NOT NULL;
CREATE INDEX plays_on_second_idx ON core.plays (on_second_id) WHERE on_second_id IS NOT NULL;
CREATE INDEX plays_on_third_idx ON core.plays (on_third_id) WHERE on_third_id IS NOT NULL;
CREATE INDEX lineups_replacing_idx ON core.lineups (replacing_id) WHERE replacing_id IS NOT NULL;
