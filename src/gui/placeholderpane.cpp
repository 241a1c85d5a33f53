#include "placeholderpane.h"

#include <QLabel>
#include <QVBoxLayout>

namespace statescope::gui {

PlaceholderPane::PlaceholderPane(const QString &title, const QString &purpose, QWidget *parent)
    : QWidget(parent)
{
    auto *label = new QLabel(QStringLiteral("<h2>%1</h2><p>%2</p><p style='color:#888'>%3</p>")
                                 .arg(title.toHtmlEscaped(), purpose.toHtmlEscaped(),
                                      tr("This pane is not available in this version yet.")),
                             this);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
}

} // namespace statescope::gui
