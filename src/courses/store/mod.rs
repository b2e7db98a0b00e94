//! Courses in PostgreSQL: the course itself and its log (`course`), the
//! syllabus of modules and lessons (`syllabus`), the catalogue's search
//! (`catalogue`), lessons' attachments (`attachments`) and members' enrolments and progress (`learning`). All
//! of the feature's SQL is here.

pub mod attachments;
pub mod catalogue;
pub mod cohorts;
pub mod completion;
pub mod course;
pub mod figures;
pub mod learning;
pub mod quizzes;
pub mod syllabus;

pub use course::*;
