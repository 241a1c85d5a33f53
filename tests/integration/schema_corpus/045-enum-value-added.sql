-- an enum gains a value at the end; a column and its default use the enum
-- from
CREATE TYPE game_status AS ENUM ('pending', 'active', 'completed');
CREATE TABLE games (
    id uuid PRIMARY KEY,
    status game_status NOT NULL DEFAULT 'pending'
);
-- to
CREATE TYPE game_status AS ENUM ('pending', 'active', 'completed', 'abandoned');
CREATE TABLE games (
    id uuid PRIMARY KEY,
    status game_status NOT NULL DEFAULT 'pending'
);
