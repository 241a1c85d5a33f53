#pragma once

#include "core/error.h"

#include <QFrame>

class QLabel;

namespace statescope::gui {

// Shows an Error in full: message, SQLSTATE, detail and hint. Dismissable.
class ErrorPanel : public QFrame
{
    Q_OBJECT
public:
    explicit ErrorPanel(QWidget *parent = nullptr);
    void showError(const Error &error);
    void showMessage(const QString &message); // success or info, same place
    QString text() const;

private:
    QLabel *m_text;
};

} // namespace statescope::gui
