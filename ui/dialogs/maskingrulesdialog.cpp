#include "maskingrulesdialog.h"

#include "theme.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace {

QPlainTextEdit *makeEditor(const QString &objectName)
{
    auto *edit = new QPlainTextEdit;
    edit->setObjectName(objectName);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setTabChangesFocus(true);
    return edit;
}

QStringList linesOf(const QPlainTextEdit *edit)
{
    QStringList lines;
    for (const QString &line : edit->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty()) {
            lines.append(line);
        }
    }
    return lines;
}

QLabel *makeLabel(const QString &text, QWidget *buddy = nullptr)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    if (buddy) {
        label->setBuddy(buddy);
    }
    return label;
}

} // namespace

MaskingRulesDialog::MaskingRulesDialog(QWidget *parent)
    : MaskingRulesDialog(MaskingRules::active(), parent)
{
}

MaskingRulesDialog::MaskingRulesDialog(const MaskingRules &rules, QWidget *parent)
    : QDialog(parent)
    , m_keys(makeEditor(QStringLiteral("keyPatterns")))
    , m_values(makeEditor(QStringLiteral("valuePatterns")))
    , m_problems(new QLabel)
    , m_file(MaskingRules::activeFile())
{
    setWindowTitle(tr("Masking rules"));
    auto *intro = makeLabel(tr("Secret values are masked in the table, the entry window, copies "
                               "and exports alike. One rule per line."));
    auto *keysLabel = makeLabel(
        tr("&Key rules: the value of a matching key is masked. A pattern: * matches anything, "
           "- and _ alike, case does not matter; headers.* is every value directly under a key "
           "named headers. word:WORDS matches keys with these words (word:token masks "
           "access_token, not max_tokens). credential:WORDS masks only a value that looks "
           "like a credential."),
        m_keys);
    auto *valuesLabel = makeLabel(tr("&Value patterns: regular expressions; a string holding a "
                                     "match is masked, whatever its key; with a group named "
                                     "secret, (?<secret>...), only that part of it. With "
                                     "(?#keywords: a, b) in front, only documents that mention "
                                     "a or b are searched."),
        m_values);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    QPalette warning = m_problems->palette();
    warning.setColor(QPalette::WindowText, Theme::errorText(warning));
    m_problems->setPalette(warning);

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults);
    buttons->button(QDialogButtonBox::Ok)->setText(m_file.isEmpty() ? tr("Save") : tr("Apply"));
    auto *import
        = buttons->addButton(tr("&Import gitleaks configuration…"), QDialogButtonBox::ActionRole);
    import->setObjectName(QStringLiteral("importGitleaks"));
    connect(import, &QPushButton::clicked, this, &MaskingRulesDialog::importGitleaksConfiguration);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    if (!m_file.isEmpty()) {
        auto *fromFile = makeLabel(tr("This window masks by the rules in %1 (--mask-rules). "
                                      "Apply changes them for this window only; the rules in "
                                      "the settings stay as they are.")
                                       .arg(QDir::toNativeSeparators(m_file)));
        fromFile->setObjectName(QStringLiteral("rulesFromFile"));
        fromFile->setTextFormat(Qt::PlainText);
        layout->addWidget(fromFile);
    }
    layout->addWidget(keysLabel);
    layout->addWidget(m_keys, 1);
    layout->addWidget(valuesLabel);
    layout->addWidget(m_values, 1);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &MaskingRulesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &MaskingRulesDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
        &MaskingRulesDialog::restoreDefaults);
    connect(m_keys, &QPlainTextEdit::textChanged, this, &MaskingRulesDialog::updateProblems);
    connect(m_values, &QPlainTextEdit::textChanged, this, &MaskingRulesDialog::updateProblems);

    setRules(rules);
    resize(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 60, fontMetrics().height() * 32);
}

MaskingRules MaskingRulesDialog::rules() const
{
    MaskingRules rules = MaskingRules::fromKeyRuleLines(linesOf(m_keys));
    rules.valuePatterns = linesOf(m_values);
    return rules;
}

void MaskingRulesDialog::setRules(const MaskingRules &rules)
{
    m_keys->setPlainText(rules.keyRuleLines().join(QLatin1Char('\n')));
    m_values->setPlainText(rules.valuePatterns.join(QLatin1Char('\n')));
    updateProblems();
}

QString MaskingRulesDialog::problemsText() const
{
    return m_problems->text();
}

void MaskingRulesDialog::restoreDefaults()
{
    m_importProblems.clear();
    setRules(MaskingRules::defaults());
}

void MaskingRulesDialog::importGitleaksConfiguration()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import gitleaks configuration"),
        QString(), tr("gitleaks configuration (*.toml);;All files (*)"));
    if (!path.isEmpty()) {
        importFile(path);
    }
}

void MaskingRulesDialog::importFile(const QString &path)
{
    QString error;
    QStringList problems;
    const std::optional<MaskingRules> imported = MaskingRules::fromFile(path, &error, &problems);
    m_importProblems = imported ? problems : QStringList { error };
    if (imported) {
        setRules(*imported);
    } else {
        updateProblems();
    }
}

void MaskingRulesDialog::accept()
{
    const MaskingRules chosen = rules();
    if (m_file.isEmpty()) {
        QSettings settings;
        chosen.save(settings);
    }
    MaskingRules::setActive(chosen, m_file);
    QDialog::accept();
}

void MaskingRulesDialog::updateProblems()
{
    const QStringList problems = m_importProblems + rules().problems();
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
}
