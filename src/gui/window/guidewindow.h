#pragma once

// Help > User guide: the guide (docs/GUIDE.md, installed in share/statescope/guide) shown in
// a window of its own, its pictures fitted to the window's width, its links to the other
// documents followed inside it and links to the web opened in the browser.

#include <QDialog>
#include <QString>

class QTextBrowser;

namespace statescope::gui {

class GuideWindow : public QDialog
{
    Q_OBJECT
public:
    explicit GuideWindow(const QString &guidePath, QWidget *parent = nullptr);

    // Where the guide is: installed beside the program (../share/statescope/guide), else in
    // the source tree a build from it came from; empty when neither has it.
    static QString locate();

private:
    QTextBrowser *m_browser;
};

} // namespace statescope::gui
