-- partial indexes: one added, one whose predicate changes, one dropped
-- from
CREATE TABLE crop_plots (
    plot_id bigint PRIMARY KEY,
    player_id uuid NOT NULL,
    crop_type varchar(32),
    ready_at timestamptz,
    wilts_at timestamptz
);
CREATE INDEX crop_plots_ready ON crop_plots (ready_at) WHERE crop_type IS NOT NULL;
CREATE INDEX crop_plots_wilting ON crop_plots (wilts_at) WHERE wilts_at IS NOT NULL;
-- to
CREATE TABLE crop_plots (
    plot_id bigint PRIMARY KEY,
    player_id uuid NOT NULL,
    crop_type varchar(32),
    ready_at timestamptz,
    wilts_at timestamptz
);
CREATE INDEX crop_plots_ready ON crop_plots (ready_at) WHERE crop_type IS NOT NULL AND ready_at IS NOT NULL;
CREATE INDEX crop_plots_empty ON crop_plots (player_id) WHERE crop_type IS NULL;
