#include "settings.h"

#include "core/error.h"
#include "core/pg/connectionsettings.h"
#include "core/validate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace statescope::settings {

namespace {

// Every key of the settings file, but for those of the shard sets (shard/shardstore.cpp) and
// the league rules (replay/rulesstore.cpp), which their own floors keep.
namespace key {
const QString importedFrom = QStringLiteral("settings/imported_from");
const QString dumpsKeep = QStringLiteral("dumps/keep");
const QString dumpsMinAge = QStringLiteral("dumps/min_age_days");
const QString readAllowed = QStringLiteral("read/allowed");
const QString profiles = QStringLiteral("connections/profiles");
const QString openServers = QStringLiteral("connections/open");
const QString id = QStringLiteral("id");
const QString name = QStringLiteral("name");
const QString conninfo = QStringLiteral("conninfo");
const QString webhook = QStringLiteral("webhook");
const QString replica = QStringLiteral("replica");
const QString colour = QStringLiteral("colour");
const QString production = QStringLiteral("production");
const QString savePassword = QStringLiteral("save_password");
const QString geometry = QStringLiteral("window/geometry");
const QString state = QStringLiteral("window/state");
const QString theme = QStringLiteral("window/theme");
const QString cursorHold = QStringLiteral("read/cursor_hold_seconds");
const QString customMetrics = QStringLiteral("metrics/custom");
const QString sql = QStringLiteral("sql");
const QString layouts = QStringLiteral("layouts");
const QString console = QStringLiteral("console_history");
const QString redis = QStringLiteral("redis");
} // namespace key

QString tr(const char *text)
{
    return QCoreApplication::translate("statescope::settings", text);
}

// The conninfo as it may be written: without a password; nothing when it does not parse
// (text that does not parse might hold one).
QString storable(const QString &conninfo)
{
    if (conninfo.trimmed().isEmpty())
        return {};
    try {
        return pg::ConnectionSettings::parse(conninfo).storableString();
    } catch (const Error &) {
        return {};
    }
}

bool isColour(const QString &text)
{
    static const validate::WholePattern form(QStringLiteral("#[0-9a-fA-F]{6}"));
    return form.matches(text);
}

} // namespace

QString legacyPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/statescope/statescope.conf");
}

QString path()
{
    const QString home = qEnvironmentVariable("STATESCOPE_HOME");
    return home.isEmpty() ? legacyPath() : home + QStringLiteral("/statescope.conf");
}

QString keyFor(const QString &text)
{
    return QString::fromLatin1(text.toUtf8().toPercentEncoding());
}

std::unique_ptr<QSettings> open()
{
    const QString file = path();
    const QString legacy = legacyPath();
    const bool import = file != legacy && !QFileInfo::exists(file) && QFileInfo::exists(legacy);
    auto s = std::make_unique<QSettings>(file, QSettings::IniFormat);
    if (import) {
        // Once: the new file does not exist yet. The XDG file is left as it was.
        const QSettings old(legacy, QSettings::IniFormat);
        for (const QString &k : old.allKeys())
            s->setValue(k, old.value(k));
        s->setValue(key::importedFrom, legacy);
        s->sync();
    }
    return s;
}

QStringList readAllowed()
{
    return open()->value(key::readAllowed).toStringList();
}

void setReadAllowed(const QStringList &objects)
{
    QStringList list;
    for (const QString &o : objects) {
        const QString t = o.trimmed();
        if (t.isEmpty() || t.size() > 1000 || t.contains(QLatin1Char('\n')))
            throw Error::invalidInput(tr("\"%1\" is not an object name the read guard gives.").arg(o.left(80)));
        if (!list.contains(t))
            list << t;
    }
    auto s = open();
    if (list.isEmpty())
        s->remove(key::readAllowed);
    else
        s->setValue(key::readAllowed, list);
}

DumpRetention dumpRetention()
{
    const auto s = open();
    DumpRetention r;
    bool ok = false;
    const int keep = s->value(key::dumpsKeep).toInt(&ok);
    if (ok && keep >= 0 && keep <= DumpRetention::kMaxKeep)
        r.keep = keep;
    const int age = s->value(key::dumpsMinAge).toInt(&ok);
    if (ok && age >= 0 && age <= DumpRetention::kMaxAgeDays)
        r.minAgeDays = age;
    return r;
}

void setDumpRetention(const DumpRetention &r)
{
    if (r.keep < 0 || r.keep > DumpRetention::kMaxKeep)
        throw Error::invalidInput(tr("Dumps to keep must be from 0 (all) to %1, not %2.")
                                      .arg(DumpRetention::kMaxKeep)
                                      .arg(r.keep));
    if (r.minAgeDays < 0 || r.minAgeDays > DumpRetention::kMaxAgeDays)
        throw Error::invalidInput(
            tr("The minimum age of a removed dump must be from 0 to %1 days, not %2.")
                .arg(DumpRetention::kMaxAgeDays)
                .arg(r.minAgeDays));
    const auto s = open();
    s->setValue(key::dumpsKeep, r.keep);
    s->setValue(key::dumpsMinAge, r.minAgeDays);
    s->sync();
}

QString newProfileId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QList<Profile> profiles()
{
    const auto s = open();
    QList<Profile> out;
    bool gaveIds = false;
    const int n = s->beginReadArray(key::profiles);
    for (int i = 0; i < n; ++i) {
        s->setArrayIndex(i);
        Profile p;
        p.id = s->value(key::id).toString();
        if (p.id.isEmpty()) {
            p.id = newProfileId();
            gaveIds = true;
        }
        p.name = s->value(key::name).toString();
        p.conninfo = s->value(key::conninfo).toString();
        p.replica = s->value(key::replica).toString();
        p.webhookUrl = s->value(key::webhook).toString();
        const QString colour = s->value(key::colour).toString();
        p.colour = isColour(colour) ? colour.toLower() : QString();
        p.production = s->value(key::production).toBool();
        p.savePassword = s->value(key::savePassword).toBool();
        out.append(p);
    }
    s->endArray();
    if (gaveIds)
        saveProfiles(out); // ids are stable from now on: the keychain is keyed by them
    return out;
}

void saveProfiles(const QList<Profile> &profiles)
{
    QSet<QString> names, ids;
    for (const Profile &p : profiles) {
        if (p.name.trimmed().isEmpty())
            throw Error::invalidInput(tr("A profile needs a name."));
        if (names.contains(p.name))
            throw Error::invalidInput(tr("There is already a profile named \"%1\".").arg(p.name));
        if (p.id.isEmpty() || ids.contains(p.id))
            throw Error::invalidInput(tr("Profile \"%1\" has no id of its own.").arg(p.name));
        if (!p.colour.isEmpty() && !isColour(p.colour))
            throw Error::invalidInput(
                tr("\"%1\" is not a colour: write it as #rrggbb.").arg(p.colour));
        names.insert(p.name);
        ids.insert(p.id);
    }
    const auto s = open();
    s->remove(key::profiles);
    s->beginWriteArray(key::profiles, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const Profile &p = profiles[i];
        s->setArrayIndex(i);
        s->setValue(key::id, p.id);
        s->setValue(key::name, p.name);
        // Defence in depth: whatever the caller passed, a password is never written.
        s->setValue(key::conninfo, storable(p.conninfo));
        s->setValue(key::replica, storable(p.replica));
        s->setValue(key::webhook, p.webhookUrl);
        s->setValue(key::colour, p.colour.toLower());
        s->setValue(key::production, p.production);
        s->setValue(key::savePassword, p.savePassword);
    }
    s->endArray();
    s->sync();
}

QStringList openServers()
{
    return open()->value(key::openServers).toStringList();
}

void setOpenServers(const QStringList &ids)
{
    open()->setValue(key::openServers, ids);
}

QList<CustomMetric> customMetrics()
{
    const auto s = open();
    QList<CustomMetric> out;
    const int n = s->beginReadArray(key::customMetrics);
    for (int i = 0; i < n; ++i) {
        s->setArrayIndex(i);
        out.append({s->value(key::name).toString(), s->value(key::sql).toString()});
    }
    s->endArray();
    return out;
}

void saveCustomMetrics(const QList<CustomMetric> &metrics)
{
    const auto s = open();
    s->remove(key::customMetrics);
    s->beginWriteArray(key::customMetrics, int(metrics.size()));
    for (int i = 0; i < metrics.size(); ++i) {
        s->setArrayIndex(i);
        s->setValue(key::name, metrics[i].name);
        s->setValue(key::sql, metrics[i].sql);
    }
    s->endArray();
}

QByteArray windowGeometry()
{
    return open()->value(key::geometry).toByteArray();
}

void setWindowGeometry(const QByteArray &geometry)
{
    open()->setValue(key::geometry, geometry);
}

QByteArray windowState()
{
    return open()->value(key::state).toByteArray();
}

void setWindowState(const QByteArray &state)
{
    open()->setValue(key::state, state);
}

int cursorHoldSeconds()
{
    bool ok = false;
    const int s = open()->value(key::cursorHold, kDefaultCursorHoldSeconds).toInt(&ok);
    return ok ? std::clamp(s, 0, 600) : kDefaultCursorHoldSeconds;
}

void setCursorHoldSeconds(int seconds)
{
    open()->setValue(key::cursorHold, std::clamp(seconds, 0, 600));
}

Theme theme()
{
    const QString t = open()->value(key::theme).toString();
    if (t == QLatin1String("light"))
        return Theme::Light;
    if (t == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void setTheme(Theme theme)
{
    open()->setValue(key::theme, theme == Theme::Light  ? QStringLiteral("light")
                                 : theme == Theme::Dark ? QStringLiteral("dark")
                                                        : QStringLiteral("system"));
}

QStringList consoleHistory(const QString &database)
{
    const auto s = open();
    s->beginGroup(key::console);
    return s->value(keyFor(database)).toStringList();
}

void addConsoleHistory(const QString &database, const QString &statement, int limit)
{
    const QString text = statement.trimmed();
    if (text.isEmpty())
        return;
    const auto s = open();
    s->beginGroup(key::console);
    QStringList list = s->value(keyFor(database)).toStringList();
    list.removeAll(text);
    list.prepend(text);
    while (list.size() > std::max(1, limit))
        list.removeLast();
    s->setValue(keyFor(database), list);
}

QString redisUrl(const QString &family)
{
    const auto s = open();
    s->beginGroup(key::redis);
    return s->value(keyFor(family)).toString();
}

void setRedisUrl(const QString &family, const QString &url)
{
    const auto s = open();
    s->beginGroup(key::redis);
    if (url.isEmpty())
        s->remove(keyFor(family));
    else
        s->setValue(keyFor(family), url);
}

QByteArray layoutMapping(const QString &family)
{
    const auto s = open();
    s->beginGroup(key::layouts);
    return s->value(family).toByteArray();
}

QStringList layoutMappingFamilies()
{
    const auto s = open();
    s->beginGroup(key::layouts);
    return s->childKeys();
}

void saveLayoutMapping(const QString &family, const QByteArray &document)
{
    const auto s = open();
    s->beginGroup(key::layouts);
    s->setValue(family, document);
}

void forgetLayoutMapping(const QString &family)
{
    const auto s = open();
    s->beginGroup(key::layouts);
    s->remove(family);
}

} // namespace statescope::settings
