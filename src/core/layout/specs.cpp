// The kinds of game data and the column roles of each, with the names the four game
// systems' backends (and teams like them) use for them.
#include "core/layout/layout.h"

#include <QCoreApplication>

namespace statescope::layout {

namespace {

using T = TypeClass;

std::vector<KindSpec> makeSpecs()
{
    return {
        {Kind::ApiEvents, "api_events", QT_TRANSLATE_NOOP("Layout", "API events"),
         {"api_events", "api_responses", "raw_events", "api_log"},
         {{"id", T::Int, true, {"event_id"}},
          {"fetched_at", T::Time, true, {"received_at", "requested_at", "created_at", "ts"}},
          {"endpoint", T::Text, true, {"path", "route", "endpoint_template"}},
          {"request_key", T::Text, false, {"request", "url", "request_url"}},
          {"status_code", T::Int, true, {"status", "http_status"}},
          {"payload", T::Document, true, {"body", "response", "data", "response_body"}},
          {"payload_hash", T::Text, false, {"hash", "sha256", "body_hash"}}}},
        {Kind::Snapshots, "snapshots", QT_TRANSLATE_NOOP("Layout", "world snapshots"),
         {"snapshots", "world_snapshots", "tick_snapshots", "game_snapshots"},
         {{"id", T::Int, true, {"snapshot_id"}},
          {"tick_number", T::Int, true, {"tick", "tick_no"}},
          {"game_time", T::Time, false, {"world_time", "sim_time"}},
          {"state", T::Json, true, {"snapshot", "data", "world", "state_json"}},
          {"created_at", T::Time, true, {"saved_at", "taken_at", "inserted_at"}}}},
        {Kind::GameConfig, "game_config", QT_TRANSLATE_NOOP("Layout", "game configuration"),
         {"game_config", "config", "settings", "game_settings"},
         {{"key", T::Text, true, {"name", "config_key"}},
          {"value", T::Json, true, {"config_value", "data"}},
          {"updated_at", T::Time, false, {"modified_at"}}}},
        {Kind::Games, "games", QT_TRANSLATE_NOOP("Layout", "games"),
         {"games", "game"},
         {{"id", T::Key, true, {"game_id"}},
          {"league_id", T::Text, false, {"league"}},
          {"home_team_id", T::Int, true, {"home_team", "home_id"}},
          {"away_team_id", T::Int, true, {"away_team", "away_id"}},
          {"status", T::Text, true, {"state", "game_status"}},
          {"current_inning", T::Int, false, {"inning"}},
          {"current_half", T::Text, false, {"half", "inning_half"}},
          {"home_score", T::Int, true, {"home_runs"}},
          {"away_score", T::Int, true, {"away_runs"}},
          {"winner_team_id", T::Int, false, {"winner_id", "winning_team_id"}},
          {"created_at", T::Time, false, {"started_at", "inserted_at"}},
          {"completed_at", T::Time, false, {"finished_at", "ended_at"}}}},
        {Kind::Plays, "plays", QT_TRANSLATE_NOOP("Layout", "plays"),
         {"plays", "play", "game_plays"},
         {{"id", T::Int, true, {"play_id"}},
          {"game_id", T::Key, true, {}},
          {"play_number", T::Int, true, {"play_num", "number", "seq"}},
          {"inning", T::Int, true, {"inning_num"}},
          {"half", T::Text, true, {"inning_half", "half_inning", "top_bottom"}},
          {"outs_before", T::Int, true, {"outs", "starting_outs"}},
          {"away_score", T::Int, true, {"away_runs"}},
          {"home_score", T::Int, true, {"home_runs"}},
          {"on_base_code", T::Int, false, {"obc", "base_code"}},
          {"on_first_id", T::Int, false, {"on_first", "runner_on_first_id", "on_first_lineup_id"}},
          {"on_second_id", T::Int, false, {"on_second", "runner_on_second_id", "on_second_lineup_id"}},
          {"on_third_id", T::Int, false, {"on_third", "runner_on_third_id", "on_third_lineup_id"}},
          {"batter_id", T::Int, true, {"batter", "batter_lineup_id"}},
          {"pitcher_id", T::Int, true, {"pitcher", "pitcher_lineup_id"}},
          {"catcher_id", T::Int, false, {"catcher", "catcher_lineup_id"}},
          {"batting_order", T::Int, false, {"batting_position"}},
          {"batter_final", T::Int, false, {"batter_result_base", "batter_end_base"}},
          {"on_first_final", T::Int, false, {"on_first_end_base"}},
          {"on_second_final", T::Int, false, {"on_second_end_base"}},
          {"on_third_final", T::Int, false, {"on_third_end_base"}},
          {"outs_recorded", T::Int, false, {"outs_on_play", "outs_made"}},
          {"runs_scored", T::Int, false, {"runs", "runs_on_play"}},
          {"dice_roll", T::Text, false, {"roll", "dice"}},
          {"result_description", T::Text, false, {"description", "result", "play_result"}},
          // The counting columns a box score sums (the game's own stats queries).
          {"pa", T::Int, false, {"plate_appearances"}},
          {"ab", T::Int, false, {"at_bats", "at_bat"}},
          {"hit", T::Int, false, {"hits", "h"}},
          {"homerun", T::Int, false, {"homeruns", "home_run", "hr"}},
          {"bb", T::Int, false, {"walk", "walks", "base_on_balls"}},
          {"so", T::Int, false, {"strikeout", "strikeouts", "k"}},
          // What makes a run unearned, where the plays carry it.
          {"error", T::Int, false, {"errors", "error_count"}},
          {"passed_ball", T::Int, false, {"passed_balls", "pb"}},
          {"created_at", T::Time, false, {"inserted_at"}}}},
        {Kind::Lineups, "lineups", QT_TRANSLATE_NOOP("Layout", "lineups"),
         {"lineups", "lineup", "game_lineups"},
         {{"id", T::Int, true, {"lineup_id"}},
          {"game_id", T::Key, true, {}},
          {"team_id", T::Int, true, {"team"}},
          {"card_id", T::Int, false, {}},
          {"player_id", T::Int, false, {}},
          {"position", T::Text, true, {"pos", "field_position"}},
          {"batting_order", T::Int, false, {"batting_position", "order"}},
          {"is_starter", T::Bool, false, {"starter"}},
          {"is_active", T::Bool, false, {"active"}},
          {"replacing_id", T::Int, false, {"replaces_id", "replacing_lineup_id", "replaced_id"}},
          {"after_play", T::Int, false, {"after_play_number", "entered_after_play"}},
          {"entered_inning", T::Int, false, {}}}},
        {Kind::Rolls, "rolls", QT_TRANSLATE_NOOP("Layout", "dice rolls"),
         {"rolls", "dice_rolls", "roll"},
         {{"roll_id", T::Key, true, {"id"}},
          {"game_id", T::Key, true, {}},
          {"play_number", T::Int, false, {"play_num"}},
          {"roll_type", T::Text, true, {"type", "kind"}},
          {"roll_data", T::Json, true, {"data", "result", "dice"}},
          {"created_at", T::Time, false, {"rolled_at", "inserted_at"}}}},
        {Kind::RosterLinks, "roster_links", QT_TRANSLATE_NOOP("Layout", "roster links"),
         {"roster_links", "rosters", "roster"},
         {{"id", T::Int, true, {}},
          {"game_id", T::Key, true, {}},
          {"team_id", T::Int, true, {"team"}},
          {"card_id", T::Int, false, {}},
          {"player_id", T::Int, false, {}}}},
        {Kind::GameSessions, "game_sessions", QT_TRANSLATE_NOOP("Layout", "game sessions"),
         {"game_sessions", "game_session"},
         {{"game_id", T::Key, true, {}},
          {"connected_users", T::Json, false, {"users", "players"}},
          {"last_action_at", T::Time, false, {"last_activity_at", "updated_at"}},
          {"state_snapshot", T::Json, false, {"snapshot", "state"}}}},
        {Kind::Saves, "saves", QT_TRANSLATE_NOOP("Layout", "saves"),
         {"save_snapshots", "saves", "player_saves", "cloud_saves", "save_games"},
         {{"snapshot_id", T::Int, true, {"id", "save_id"}},
          {"player_id", T::Key, true, {"user_id", "account_id"}},
          {"version", T::Text, false, {"client_version", "app_version"}},
          {"snapshot_data", T::Json, true, {"save_data", "data", "snapshot", "payload"}},
          {"checksum", T::Text, false, {"hash", "sha256"}},
          {"created_at", T::Time, true, {"saved_at", "inserted_at"}}}},
        {Kind::PlayerEvents, "player_events", QT_TRANSLATE_NOOP("Layout", "player events"),
         {"player_events", "events", "player_actions", "analytics_events"},
         {{"id", T::Int, false, {"event_id"}},
          {"player_id", T::Key, true, {"user_id", "account_id"}},
          {"event_type", T::Text, true, {"type", "kind", "action"}},
          {"event_data", T::Json, true, {"data", "payload", "details"}},
          {"occurred_at", T::Time, true, {"created_at", "at", "ts", "event_time"}}}},
        {Kind::ManeuverEvents, "maneuver_events", QT_TRANSLATE_NOOP("Layout", "maneuver events"),
         {"maneuver_events", "ship_events", "maneuvers"},
         {{"id", T::Int, false, {"event_id"}},
          {"ship_id", T::Key, true, {"ship"}},
          {"maneuver_type", T::Text, false, {"maneuver"}},
          {"event_type", T::Text, true, {"type", "kind"}},
          {"phase", T::Text, false, {"to_phase"}},
          {"tick", T::Int, false, {"tick_number"}},
          {"status_text", T::Text, false, {"status", "message"}},
          {"game_time", T::Time, false, {"world_time"}},
          {"created_at", T::Time, true, {"inserted_at", "at"}}}},
    };
}

} // namespace

const std::vector<KindSpec> &kindSpecs()
{
    static const std::vector<KindSpec> specs = makeSpecs();
    return specs;
}

const KindSpec &spec(Kind kind)
{
    for (const KindSpec &s : kindSpecs())
        if (s.kind == kind)
            return s;
    return kindSpecs().front();
}

std::optional<Kind> kindFromKey(const QString &key)
{
    for (const KindSpec &s : kindSpecs())
        if (key == QLatin1String(s.key))
            return s.kind;
    return std::nullopt;
}

} // namespace statescope::layout
