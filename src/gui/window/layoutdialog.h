#pragma once

#include "core/pg/connectionsettings.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace statescope::gui {

class JobRunner;

// Where the game's data lives in one database: the detected layout as a layout document
// (docs/LAYOUTS.md), editable, checked against the database in the background, and
// remembered for the database's family in the user's settings. Browsing never writes to
// the database; the mapping lives on this machine only.
class LayoutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LayoutDialog(const pg::ConnectionSettings &database, QWidget *parent = nullptr);

    // Hands the remembered mappings to core (once, at start-up).
    static void installMappings();
    // The family a database's mapping is remembered under: its weekly prefix, or its name.
    static QString familyOf(const QString &database);

signals:
    void mappingChanged(const QString &family);

private:
    void load();
    void check(bool thenSave);
    void forget();

    pg::ConnectionSettings m_db;
    QString m_family;
    QPlainTextEdit *m_text;
    QLabel *m_status;
    QPushButton *m_save;
    QPushButton *m_forget;
    JobRunner *m_runner;
};

} // namespace statescope::gui
