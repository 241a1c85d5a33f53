#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;
class QDialogButtonBox;

namespace statescope::gui {

// Names a new weekly database from a family prefix and an ISO week, validating as the
// user types against the rules and against the databases the server already has; the name
// it will create is always on show. Each family starts at the week after its newest.
class CreateDialog : public QDialog
{
    Q_OBJECT
public:
    // existing: the server's database names, as last listed.
    CreateDialog(const QStringList &families, const QString &prefix, const QStringList &existing,
                 QWidget *parent = nullptr);

    // The week after the family's newest database in `existing`, or this week's for a new
    // family ("2025-W07").
    static QString proposedWeek(const QString &prefix, const QStringList &existing);

    QString databaseName() const { return m_name; }
    QString reason() const;

private:
    void revalidate();

    QStringList m_existing;
    QComboBox *m_prefix;
    QLineEdit *m_week;
    QLineEdit *m_reason;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
    QString m_name;
};

} // namespace statescope::gui
