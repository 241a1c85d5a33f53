-- one generated column is removed and another added; a plain column becomes generated
-- from
CREATE TABLE farm_plots (
    plot_id bigint PRIMARY KEY,
    grid_x smallint NOT NULL,
    grid_y smallint NOT NULL,
    plot_size smallint NOT NULL DEFAULT 1,
    area integer GENERATED ALWAYS AS (plot_size * plot_size) STORED,
    cell_key text
);
-- to
CREATE TABLE farm_plots (
    plot_id bigint PRIMARY KEY,
    grid_x smallint NOT NULL,
    grid_y smallint NOT NULL,
    plot_size smallint NOT NULL DEFAULT 1,
    cell_key text GENERATED ALWAYS AS (grid_x || ':' || grid_y) STORED,
    is_large boolean GENERATED ALWAYS AS (plot_size >= 3) STORED
);
