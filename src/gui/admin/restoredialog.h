#pragma once

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace statescope::gui {

// Where a dump goes back to: a database name that must be valid and free on the server.
// It proposes the dump's own database when that name is free, otherwise the first free
// "<name>_restored", "<name>_restored_2", ...; every keystroke is checked against the rules
// and the server's databases as last listed, and Restore is enabled only for a free name.
class RestoreDialog : public QDialog
{
    Q_OBJECT
public:
    RestoreDialog(const QString &dumpFile, const QStringList &existing, QWidget *parent = nullptr);

    // The database a dump was taken of (<db>_<UTC stamp>.dump), or the file's base name.
    static QString databaseOf(const QString &dumpFile);
    static QString proposedName(const QString &dumpFile, const QStringList &existing);

    QString databaseName() const;

private:
    void revalidate();

    QStringList m_existing;
    QLineEdit *m_name;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
};

} // namespace statescope::gui
