#include "entrypreview.h"

#include "jsonprettyprinter.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QVBoxLayout>

EntryPreview::EntryPreview(const AuditEntryDetail &detail, bool utc, QWidget *parent)
    : QDialog(parent)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setModal(false);
    const AuditEntry &e = detail.entry;
    setWindowTitle(tr("%1 · %2").arg(e.action, e.id));
    const QTimeZone zone = utc ? QTimeZone::utc() : QTimeZone::systemTimeZone();

    QString text;
    auto line = [&text](const QString &name, const QString &value) {
        text += name.leftJustified(11) + value + QLatin1Char('\n');
    };
    line(tr("id"), e.id);
    line(tr("action"), e.action);
    line(tr("transport"), e.transport);
    line(tr("bank"), e.bankId.value_or(tr("(none)")));
    line(tr("started"), e.startedAt.toDisplayString(zone));
    line(tr("ended"), e.endedAt ? e.endedAt->toDisplayString(zone) : tr("(running)"));
    line(tr("duration"),
        e.endedAt ? e.durationMsText() + QStringLiteral(" ms") : QStringLiteral("-"));
    line(tr("status"), AuditEntry::statusName(e.status()));
    const JsonPrettyPrinter printer(2);
    for (const auto &[title, document] : { std::pair { tr("Request"), detail.request },
             std::pair { tr("Response"), detail.response },
             std::pair { tr("Metadata"), detail.metadata } }) {
        text += QLatin1Char('\n') + title + QStringLiteral(":\n");
        if (!document) {
            text += tr("(none)") + QLatin1Char('\n');
            continue;
        }
        const JsonFormatResult formatted = printer.format(QStringView(*document));
        text += (formatted.ok ? formatted.text : *document) + QLatin1Char('\n');
    }

    auto *view = new QPlainTextEdit;
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setPlainText(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(view);
    layout->addWidget(buttons);
    resize(760, 640);
}
