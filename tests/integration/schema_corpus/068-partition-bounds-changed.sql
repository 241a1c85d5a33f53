-- a range partition's bounds change (rows inside both bounds); its neighbour shrinks to make room
-- from
CREATE TABLE plays (
    game_no integer NOT NULL,
    play_number integer NOT NULL,
    result text
) PARTITION BY RANGE (game_no);
CREATE TABLE plays_a PARTITION OF plays FOR VALUES FROM (1) TO (1000);
CREATE TABLE plays_b PARTITION OF plays FOR VALUES FROM (1000) TO (5000);
INSERT INTO plays VALUES (10, 1, 'single'), (10, 2, 'strikeout'), (4000, 1, 'walk');
-- to
CREATE TABLE plays (
    game_no integer NOT NULL,
    play_number integer NOT NULL,
    result text
) PARTITION BY RANGE (game_no);
CREATE TABLE plays_a PARTITION OF plays FOR VALUES FROM (1) TO (2000);
CREATE TABLE plays_b PARTITION OF plays FOR VALUES FROM (2000) TO (5000);
INSERT INTO plays VALUES (10, 1, 'single'), (10, 2, 'strikeout'), (4000, 1, 'walk');
