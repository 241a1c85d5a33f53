#pragma once

#include <QByteArray>
#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>


namespace statescope::settings {

// The one settings store of Statescope, shared by the GUI and the CLI: every persisted value
// has a typed accessor below and its key is written in settings.cpp only.
//
// The file is $STATESCOPE_HOME/statescope.conf when STATESCOPE_HOME is set (tests, portable
// installs), otherwise the XDG config location (~/.config/statescope/statescope.conf). The
// first time a STATESCOPE_HOME file is opened and does not exist yet, what the XDG file
// holds is copied into it once (and the copy says where from), so profiles follow.
// Passwords are never written here: they live in the system keychain (core/secrets.h) or
// nowhere.
QString path();
QString legacyPath(); // the XDG file
std::unique_ptr<QSettings> open();
// A settings key for any text (QSettings treats '/' and '\\' specially): percent-encoded.
QString keyFor(const QString &text);

// How many of the dumps taken before resets and drops are kept, per database: the newest
// `keep`, and any younger than `minAgeDays` whatever their rank. keep 0: all are kept.
struct DumpRetention
{
    static constexpr int kMaxKeep = 1000;
    static constexpr int kMaxAgeDays = 3650;
    int keep = 5;
    int minAgeDays = 30;
    bool operator==(const DumpRetention &) const = default;
};
// The objects the read guard may run for a superuser's session (browse/sqlguard.h), by the
// name its refusal gives ("public.refresh_scores()", "public.feed"): the user's consent,
// shared by the window and the command line.
QStringList readAllowed();
void setReadAllowed(const QStringList &objects);

DumpRetention dumpRetention();
// Throws Error(InvalidInput) for values out of range; nothing is written then.
void setDumpRetention(const DumpRetention &retention);

// A saved connection. The conninfo never holds a password: that comes from the system
// keychain (when savePassword), ~/.pgpass, a service file, or a prompt (kept in memory for
// the session only).
struct Profile
{
    QString id;         // stable: names the keychain entry and the sidebar row; never shown
    QString name;       // what people call it ("prod-eu", "Sandbox")
    QString conninfo;   // storable conninfo (no password)
    QString replica;    // a read replica's conninfo (browsing reads there), or empty
    QString webhookUrl; // told about rollbacks
    QString colour;     // "#rrggbb" tint of the window while connected, or empty
    bool production = false; // tints the window and the title, asks for more care
    bool savePassword = false; // the password is kept in the system keychain
    bool operator==(const Profile &) const = default;
};
// Profiles as saved; each has an id (one is given, and saved, to a profile without).
QList<Profile> profiles();
// Throws Error(InvalidInput) when two profiles share a name or an id; nothing is written
// then. A conninfo that does not parse is not written at all (it might hold a password).
void saveProfiles(const QList<Profile> &profiles);
QString newProfileId();

// Shard sets: shard::savedSets() (core/shard/shardset.h).

// The servers that were open in the sidebar when the window closed (profile ids), in order.
QStringList openServers();
void setOpenServers(const QStringList &ids);

// A user-defined metric: a SELECT returning (time, value[, series]).
struct CustomMetric
{
    QString name;
    QString sql;
};
QList<CustomMetric> customMetrics();
void saveCustomMetrics(const QList<CustomMetric> &metrics);

QByteArray windowGeometry();
void setWindowGeometry(const QByteArray &geometry);
QByteArray windowState();
void setWindowState(const QByteArray &state);

// How long a result grid keeps its cursor's transaction open after the last page was read
// while the person pages it (read.cursor_hold_seconds, 0 to 600; default 3): after that the
// grid keeps the rows it has and reads further ones in a new transaction (the statement runs
// again). No session of Statescope idles in a transaction longer than this.
inline constexpr int kDefaultCursorHoldSeconds = 3;
int cursorHoldSeconds();
void setCursorHoldSeconds(int seconds);

// View > Theme. System: whatever the platform gives (Qt 6.4 has no colour-scheme hint).
enum class Theme { System, Light, Dark };
Theme theme();
void setTheme(Theme theme);

// The SQL console's history of one database (key: "server/database" as the caller names
// it), newest first, at most `limit` entries; a statement run again moves to the front.
QStringList consoleHistory(const QString &database);
void addConsoleHistory(const QString &database, const QString &statement, int limit = 200);

// The game's Redis per database family (Galaxy's recovery answer): the URL without its
// password (that one lives in the keychain, secrets::redisKey()); empty: none.
QString redisUrl(const QString &family);
void setRedisUrl(const QString &family, const QString &url);

// Layout mappings remembered per database family (a layout document, docs/LAYOUTS.md), by
// family prefix ("paperdynasty") or, for a database outside any family, its name.
QByteArray layoutMapping(const QString &family);
QStringList layoutMappingFamilies();
void saveLayoutMapping(const QString &family, const QByteArray &document);
void forgetLayoutMapping(const QString &family);

// A league's stated rules: replay::statedRules() (core/replay/rules.h).

} // namespace statescope::settings
