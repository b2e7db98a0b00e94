//! The quiz forms: the settings (pass mark, attempts, cool-down) and a
//! question with up to eight answer rows (empty rows are ignored). Every
//! text the author writes passes the personal-data guard.

use serde::Deserialize;

use super::store::quizzes::{Answer, Question, Quiz};
use super::vocabulary::QuestionKind;
use crate::i18n::Locale;
use crate::web::FormErrors;
use crate::web::form_checks::check_length;
use crate::web::personal_data_guard::{self, CONFIRM_FIELD};

/// How many answer rows the question form has (and a question may have).
pub const ANSWER_ROWS: usize = 8;
/// The answer rows' field names (the guard and the errors want them static).
pub const ANSWER_FIELDS: [&str; ANSWER_ROWS] = [
    "answer_0", "answer_1", "answer_2", "answer_3", "answer_4", "answer_5", "answer_6", "answer_7",
];
const CORRECT_FIELDS: [&str; ANSWER_ROWS] = [
    "correct_0",
    "correct_1",
    "correct_2",
    "correct_3",
    "correct_4",
    "correct_5",
    "correct_6",
    "correct_7",
];

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct QuizForm {
    pub pass_mark: String,
    /// Empty: unlimited.
    pub max_attempts: String,
    pub cooldown_hours: String,
}

/// Checked quiz settings.
pub struct QuizInput {
    pub pass_mark: i32,
    pub max_attempts: Option<i32>,
    pub cooldown_hours: i32,
}

impl QuizForm {
    pub fn from_quiz(quiz: &Quiz) -> QuizForm {
        QuizForm {
            pass_mark: quiz.pass_mark.to_string(),
            max_attempts: quiz.max_attempts.map(|n| n.to_string()).unwrap_or_default(),
            cooldown_hours: quiz.cooldown_hours.to_string(),
        }
    }

    pub fn validate(&self, locale: Locale) -> Result<QuizInput, FormErrors> {
        let mut errors = FormErrors::new(locale);
        let number = |text: &str, range: std::ops::RangeInclusive<i32>| {
            text.trim()
                .parse::<i32>()
                .ok()
                .filter(|n| range.contains(n))
        };
        let pass_mark = number(&self.pass_mark, 1..=100);
        if pass_mark.is_none() {
            errors.add("pass_mark", "error-quiz-pass-mark");
        }
        let max_attempts = match self.max_attempts.trim() {
            "" => Some(None),
            text => number(text, 1..=100).map(Some),
        };
        if max_attempts.is_none() {
            errors.add("max_attempts", "error-quiz-attempts");
        }
        let cooldown_hours = match self.cooldown_hours.trim() {
            "" => Some(0),
            text => number(text, 0..=8760),
        };
        if cooldown_hours.is_none() {
            errors.add("cooldown_hours", "error-quiz-cooldown");
        }
        match (pass_mark, max_attempts, cooldown_hours) {
            (Some(pass_mark), Some(max_attempts), Some(cooldown_hours)) => Ok(QuizInput {
                pass_mark,
                max_attempts,
                cooldown_hours,
            }),
            _ => Err(errors),
        }
    }
}

/// A question as the form holds it: eight rows of (text, correct).
#[derive(Debug, Clone)]
pub struct QuestionForm {
    pub kind: String,
    pub prompt: String,
    pub feedback: String,
    pub answers: Vec<(String, bool)>,
    pub confirmed: bool,
}

impl Default for QuestionForm {
    fn default() -> Self {
        QuestionForm {
            kind: QuestionKind::Single.as_str().into(),
            prompt: String::new(),
            feedback: String::new(),
            answers: vec![(String::new(), false); ANSWER_ROWS],
            confirmed: false,
        }
    }
}

/// A checked question: its answers without the empty rows.
pub struct QuestionInput {
    pub kind: QuestionKind,
    pub prompt: String,
    pub feedback: String,
    pub answers: Vec<(String, bool)>,
}

impl QuestionForm {
    pub fn from_fields(fields: &[(String, String)]) -> QuestionForm {
        let one = |name: &str| {
            fields
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        QuestionForm {
            kind: one("kind"),
            prompt: one("prompt"),
            feedback: one("feedback"),
            answers: (0..ANSWER_ROWS)
                .map(|i| (one(ANSWER_FIELDS[i]), !one(CORRECT_FIELDS[i]).is_empty()))
                .collect(),
            confirmed: !one(CONFIRM_FIELD).is_empty(),
        }
    }

    pub fn from_question(question: &Question, answers: &[Answer]) -> QuestionForm {
        let mut rows: Vec<(String, bool)> = answers
            .iter()
            .map(|a| (a.text.clone(), a.correct))
            .collect();
        rows.resize(ANSWER_ROWS, (String::new(), false));
        QuestionForm {
            kind: question.kind.as_str().into(),
            prompt: question.prompt.clone(),
            feedback: question.feedback.clone(),
            answers: rows,
            confirmed: false,
        }
    }

    /// (row, field name, text, correct) for the template.
    pub fn rows(&self) -> Vec<(usize, &'static str, &str, bool)> {
        self.answers
            .iter()
            .enumerate()
            .map(|(i, (text, correct))| (i + 1, ANSWER_FIELDS[i], text.as_str(), *correct))
            .collect()
    }

    pub fn validate(&mut self, locale: Locale) -> Result<QuestionInput, (FormErrors, Vec<String>)> {
        let mut errors = FormErrors::new(locale);
        let kind = QuestionKind::parse(&self.kind);
        if kind.is_none() {
            errors.add("kind", "error-quiz-question-kind");
        }
        self.prompt = self.prompt.trim().to_owned();
        self.feedback = self.feedback.trim().to_owned();
        if self.prompt.chars().count() < 2 {
            errors.add("prompt", "error-quiz-prompt");
        }
        check_length(&mut errors, "prompt", &self.prompt, 2_000);
        check_length(&mut errors, "feedback", &self.feedback, 2_000);
        for (i, (text, _)) in self.answers.iter_mut().enumerate() {
            *text = crate::text::one_line(text);
            check_length(&mut errors, ANSWER_FIELDS[i], text, 500);
        }
        let filled: Vec<(String, bool)> = self
            .answers
            .iter()
            .filter(|(text, _)| !text.is_empty())
            .cloned()
            .collect();
        let correct = filled.iter().filter(|(_, c)| *c).count();
        if filled.len() < 2 {
            errors.add("answer_0", "error-quiz-answers");
        } else if kind == Some(QuestionKind::Single) && correct != 1 {
            errors.add("answer_0", "error-quiz-single-correct");
        } else if kind == Some(QuestionKind::Multiple) && correct == 0 {
            errors.add("answer_0", "error-quiz-multiple-correct");
        }
        let mut texts: Vec<(&'static str, &str)> =
            vec![("prompt", &self.prompt), ("feedback", &self.feedback)];
        for (i, (text, _)) in self.answers.iter().enumerate() {
            texts.push((ANSWER_FIELDS[i], text));
        }
        let warnings = personal_data_guard::check(&mut errors, &texts, self.confirmed);
        match kind {
            Some(kind) if errors.is_empty() => Ok(QuestionInput {
                kind,
                prompt: self.prompt.clone(),
                feedback: self.feedback.clone(),
                answers: filled,
            }),
            _ => Err((errors, warnings)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(kind: &str, answers: &[(&str, bool)]) -> Vec<(String, String)> {
        let mut f = vec![
            ("kind".to_owned(), kind.to_owned()),
            ("prompt".to_owned(), "Koji je prvi korak?".to_owned()),
        ];
        for (i, (text, correct)) in answers.iter().enumerate() {
            f.push((format!("answer_{i}"), (*text).to_owned()));
            if *correct {
                f.push((format!("correct_{i}"), "yes".to_owned()));
            }
        }
        f
    }

    #[test]
    fn a_question_needs_answers_and_the_right_number_correct() {
        // (kind, rows) → accepted
        for (kind, rows, ok) in [
            ("single", vec![("Procena", true), ("Plan", false)], true),
            ("single", vec![("Procena", true), ("Plan", true)], false),
            ("single", vec![("Procena", false), ("Plan", false)], false),
            ("multiple", vec![("Procena", true), ("Plan", true)], true),
            ("multiple", vec![("Procena", false), ("Plan", false)], false),
            ("multiple", vec![("Procena", true)], false),
            (
                "single",
                vec![("Procena", true), ("", false), ("Plan", false)],
                true,
            ),
            ("other", vec![("Procena", true), ("Plan", false)], false),
        ] {
            let mut form = QuestionForm::from_fields(&fields(kind, &rows));
            let result = form.validate(Locale::SrLatn);
            assert_eq!(result.is_ok(), ok, "{kind} {rows:?}");
            if let Ok(input) = result {
                assert!(
                    input.answers.iter().all(|(t, _)| !t.is_empty()),
                    "empty rows dropped"
                );
            }
        }
    }

    #[test]
    fn quiz_settings_are_checked() {
        let form = |p: &str, a: &str, c: &str| QuizForm {
            pass_mark: p.into(),
            max_attempts: a.into(),
            cooldown_hours: c.into(),
        };
        let ok = form("60", "", "0").validate(Locale::SrLatn).ok().unwrap();
        assert_eq!(
            (ok.pass_mark, ok.max_attempts, ok.cooldown_hours),
            (60, None, 0)
        );
        assert!(form("0", "2", "24").validate(Locale::SrLatn).is_err());
        assert!(form("60", "0", "24").validate(Locale::SrLatn).is_err());
        assert!(form("60", "2", "-1").validate(Locale::SrLatn).is_err());
    }

    #[test]
    fn question_kinds_are_named_in_every_catalogue() {
        crate::web::vocabulary::assert_in_every_catalogue(
            QuestionKind::ALL.iter().map(|kind| kind.message_key()),
        );
    }
}
