// The user's guide in a window (guidewindow.h).
#include "gui/window/guidewindow.h"

#include "gui/widgets/style.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPushButton>
#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QTextLayout>
#include <QTextCursor>
#include <QTimer>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace statescope::gui {

namespace {

// A browser whose pictures are no wider than its page (a screenshot of the whole window
// would otherwise be read sideways), fitted again whenever the page's width changes.
class GuideBrowser : public QTextBrowser
{
public:
    explicit GuideBrowser(QWidget *parent) : QTextBrowser(parent)
    {
        m_fit.setSingleShot(true);
        connect(&m_fit, &QTimer::timeout, this, &GuideBrowser::fitImages);
        connect(this, &QTextBrowser::sourceChanged, &m_fit, qOverload<>(&QTimer::start));
    }

    QVariant loadResource(int type, const QUrl &name) override
    {
        QVariant loaded = QTextBrowser::loadResource(type, name);
        if (type == QTextDocument::ImageResource && loaded.typeId() == QMetaType::QByteArray)
            if (const QImage image = QImage::fromData(loaded.toByteArray()); !image.isNull())
                return image;
        return loaded;
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QTextBrowser::resizeEvent(event);
        m_fit.start();
    }

private:
    void fitImages()
    {
        for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
            // What the block leaves beside its indentation (a list item's picture is indented).
            qreal left = document()->documentLayout()->blockBoundingRect(block).left();
            if (block.layout() && block.layout()->lineCount() > 0)
                left += block.layout()->lineAt(0).x();
            const qreal room = std::max<qreal>(160, viewport()->width() - left - document()->documentMargin() - 8);
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextFragment fragment = it.fragment();
                if (!fragment.charFormat().isImageFormat())
                    continue;
                QTextImageFormat format = fragment.charFormat().toImageFormat();
                const QImage image = document()->resource(QTextDocument::ImageResource, QUrl(format.name())).value<QImage>();
                if (image.isNull())
                    continue;
                const qreal width = std::min<qreal>(image.width(), room);
                if (std::abs(format.width() - width) < 1)
                    continue;
                format.setWidth(width);
                format.setHeight(image.height() * width / image.width());
                QTextCursor cursor(document());
                cursor.setPosition(fragment.position());
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
                cursor.setCharFormat(format);
            }
        }
    }

    QTimer m_fit;
};

} // namespace

QString GuideWindow::locate()
{
    const QStringList candidates{
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/statescope/guide/GUIDE.md")),
#ifdef STATESCOPE_DOCS_DIR
        QStringLiteral(STATESCOPE_DOCS_DIR "/GUIDE.md"),
#endif
    };
    for (const QString &c : candidates)
        if (QFileInfo(c).isFile())
            return QFileInfo(c).canonicalFilePath();
    return {};
}

GuideWindow::GuideWindow(const QString &guidePath, QWidget *parent)
    : QDialog(parent), m_browser(new GuideBrowser(this))
{
    setObjectName(QStringLiteral("guideWindow"));
    setWindowTitle(tr("Statescope user guide"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_browser->setObjectName(QStringLiteral("guideBrowser"));
    m_browser->setOpenLinks(true);
    m_browser->setOpenExternalLinks(true);
    m_browser->setSource(QUrl::fromLocalFile(guidePath), QTextDocument::MarkdownResource);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *back = buttons->addButton(tr("&Back"), QDialogButtonBox::ActionRole);
    back->setObjectName(QStringLiteral("guideBack"));
    back->setIcon(style::icon(QStringLiteral("go-previous")));
    back->setEnabled(false);
    auto *home = buttons->addButton(tr("&Contents"), QDialogButtonBox::ActionRole);
    home->setObjectName(QStringLiteral("guideHome"));
    home->setIcon(style::icon(QStringLiteral("go-home")));
    connect(back, &QPushButton::clicked, m_browser, &QTextBrowser::backward);
    connect(home, &QPushButton::clicked, m_browser, &QTextBrowser::home);
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QPushButton::setEnabled);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    resize(960, 720);
}

} // namespace statescope::gui
