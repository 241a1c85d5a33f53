#pragma once

#include <QObject>

class QAbstractItemView;
class QWidget;

namespace statescope::gui {

// Text cut by the room it has is never lost: hovering a table cell, a header, a label or a
// button whose text does not fit shows all of it as a tooltip (what the model or widget
// offers as its own tooltip comes first). One filter for the whole application, installed
// by style::applyTheme().
class CutTextTips : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    static void install(); // once per application

    // Whether `w`'s own text does not fit it (a label, a button), or the cell or header
    // section at `pos` of an item view's viewport; the text when it does not.
    static QString cutTextAt(QWidget *w, const QPoint &pos);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace statescope::gui
