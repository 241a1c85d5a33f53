#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace statescope::gui {

// A saved connection. The conninfo never holds a password: that comes from ~/.pgpass,
// a service file, or the dialog (kept in memory for the session only).
struct Profile
{
    QString name;
    QString conninfo;
    QString webhookUrl; // told about rollbacks (later)
};

// A user-defined metric: a SELECT returning (time, value[, series]).
struct CustomMetric
{
    QString name;
    QString sql;
};

// Every persisted setting has one typed accessor here; no string keys elsewhere.
namespace settings {

QList<CustomMetric> customMetrics();
void saveCustomMetrics(const QList<CustomMetric> &metrics);

QList<Profile> profiles();
void saveProfiles(const QList<Profile> &profiles);
QString lastProfile();
void setLastProfile(const QString &name);
QByteArray windowGeometry();
void setWindowGeometry(const QByteArray &geometry);
QByteArray windowState();
void setWindowState(const QByteArray &state);

// Layout mappings remembered per database family (a layout document, docs/LAYOUTS.md), by
// family prefix ("paperdynasty") or, for a database outside any family, its name.
QByteArray layoutMapping(const QString &family);
QStringList layoutMappingFamilies();
void saveLayoutMapping(const QString &family, const QByteArray &document);
void forgetLayoutMapping(const QString &family);

} // namespace settings
} // namespace statescope::gui
