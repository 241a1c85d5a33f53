#include "settings.h"

#include "core/pg/connectionsettings.h"

#include <QSettings>

namespace statescope::gui::settings {

namespace {

namespace key {
const QString profiles = QStringLiteral("connections/profiles");
const QString name = QStringLiteral("name");
const QString conninfo = QStringLiteral("conninfo");
const QString webhook = QStringLiteral("webhook");
const QString lastProfile = QStringLiteral("connections/last");
const QString geometry = QStringLiteral("window/geometry");
const QString state = QStringLiteral("window/state");
const QString customMetrics = QStringLiteral("metrics/custom");
const QString sql = QStringLiteral("sql");
const QString layouts = QStringLiteral("layouts");
} // namespace key

} // namespace

QByteArray layoutMapping(const QString &family)
{
    QSettings s;
    s.beginGroup(key::layouts);
    return s.value(family).toByteArray();
}

QStringList layoutMappingFamilies()
{
    QSettings s;
    s.beginGroup(key::layouts);
    return s.childKeys();
}

void saveLayoutMapping(const QString &family, const QByteArray &document)
{
    QSettings s;
    s.beginGroup(key::layouts);
    s.setValue(family, document);
}

void forgetLayoutMapping(const QString &family)
{
    QSettings s;
    s.beginGroup(key::layouts);
    s.remove(family);
}

QList<Profile> profiles()
{
    QSettings s;
    QList<Profile> out;
    const int n = s.beginReadArray(key::profiles);
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        out.append({s.value(key::name).toString(), s.value(key::conninfo).toString(),
                    s.value(key::webhook).toString()});
    }
    s.endArray();
    return out;
}

void saveProfiles(const QList<Profile> &profiles)
{
    QSettings s;
    s.beginWriteArray(key::profiles, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        s.setArrayIndex(i);
        s.setValue(key::name, profiles[i].name);
        // Defence in depth: whatever the caller passed, a password is never written.
        QString conninfo = profiles[i].conninfo;
        try {
            conninfo = pg::ConnectionSettings::parse(conninfo).storableString();
        } catch (...) {
        }
        s.setValue(key::conninfo, conninfo);
        s.setValue(key::webhook, profiles[i].webhookUrl);
    }
    s.endArray();
}

QList<CustomMetric> customMetrics()
{
    QSettings s;
    QList<CustomMetric> out;
    const int n = s.beginReadArray(key::customMetrics);
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        out.append({s.value(key::name).toString(), s.value(key::sql).toString()});
    }
    s.endArray();
    return out;
}

void saveCustomMetrics(const QList<CustomMetric> &metrics)
{
    QSettings s;
    s.beginWriteArray(key::customMetrics, int(metrics.size()));
    for (int i = 0; i < metrics.size(); ++i) {
        s.setArrayIndex(i);
        s.setValue(key::name, metrics[i].name);
        s.setValue(key::sql, metrics[i].sql);
    }
    s.endArray();
}

QString lastProfile()
{
    return QSettings().value(key::lastProfile).toString();
}

void setLastProfile(const QString &name)
{
    QSettings().setValue(key::lastProfile, name);
}

QByteArray windowGeometry()
{
    return QSettings().value(key::geometry).toByteArray();
}

void setWindowGeometry(const QByteArray &geometry)
{
    QSettings().setValue(key::geometry, geometry);
}

QByteArray windowState()
{
    return QSettings().value(key::state).toByteArray();
}

void setWindowState(const QByteArray &state)
{
    QSettings().setValue(key::state, state);
}

} // namespace statescope::gui::settings
