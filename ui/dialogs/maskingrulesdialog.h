#pragma once

#include "maskingrules.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;

// View → Masking rules…: the key rules (key patterns, word: and credential: rules) and value
// patterns secrets are masked by, one per line, with the built-in defaults a click away, or
// imported from a gitleaks configuration. Rules that cannot be used (a regular expression that
// does not compile) are named as they are typed; they are ignored, the others apply. Save stores
// the rules in the settings and makes them the ones every masker applies from then on
// (MaskingRules::setActive). When the window was started with
// --mask-rules FILE, the dialog says so and Apply changes the rules of this window only:
// the file's rules never overwrite the settings.
// Thread: the GUI thread.
class MaskingRulesDialog : public QDialog
{
    Q_OBJECT
public:
    // Starts with `rules` (the active ones by default).
    explicit MaskingRulesDialog(QWidget *parent = nullptr);
    MaskingRulesDialog(const MaskingRules &rules, QWidget *parent = nullptr);

    MaskingRules rules() const;
    void setRules(const MaskingRules &rules);
    // What the problems line says: one sentence per rule that is ignored, or empty.
    QString problemsText() const;

    // Reads a gitleaks configuration (or a rules file) into the editors in place of their
    // rules (GitleaksConfig); what it cannot apply, or why it cannot be read, is shown with
    // the problems until the next import or Restore defaults.
    void importFile(const QString &path);

public slots:
    void restoreDefaults();
    // Asks for the file to import.
    void importGitleaksConfiguration();
    // Saves (QSettings, group "masking") and activates the rules, then closes; with rules
    // from a --mask-rules file, only activates them.
    void accept() override;

private:
    void updateProblems();

    QPlainTextEdit *m_keys;
    QPlainTextEdit *m_values;
    QLabel *m_problems;
    QStringList m_importProblems;
    QString m_file; // the --mask-rules file the active rules came from, or empty
};
