#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QDialogButtonBox;

namespace statescope::gui {

// Names a new weekly database from a family prefix and an ISO week, validating as the
// user types; the name it will create is always on show.
class CreateDialog : public QDialog
{
    Q_OBJECT
public:
    CreateDialog(const QStringList &families, const QString &prefix, const QString &isoWeek,
                 QWidget *parent = nullptr);

    QString databaseName() const { return m_name; }
    QString reason() const;

private:
    void revalidate();

    QComboBox *m_prefix;
    QLineEdit *m_week;
    QLineEdit *m_reason;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
    QString m_name;
};

} // namespace statescope::gui
