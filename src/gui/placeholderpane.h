#pragma once

#include <QWidget>

namespace statescope::gui {

// A pane that is not built yet says so plainly rather than pretending.
class PlaceholderPane : public QWidget
{
    Q_OBJECT
public:
    PlaceholderPane(const QString &title, const QString &purpose, QWidget *parent = nullptr);
};

} // namespace statescope::gui
