//! The command line: `kolega [serve|migrate|create-user|seed-demo|worker]`.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Context, bail};

use crate::config::Config;
use crate::i18n::Locale;
use crate::members::{Role, password, store};
use crate::notify::{address, email, outbox};
use crate::server::{self, Database, Sharing};

pub const USAGE: &str = "\
Kolega — a community platform for social work

Usage:
  kolega [serve]        run the web server and the mail worker (default)
  kolega migrate        bring the database schema up to date and exit
  kolega create-user --email EMAIL --name NAME --role ROLE
                        create a member; the password is read from stdin
                        ROLE: practitioner, student, teacher, moderator, admin
  kolega seed-demo      add demo content in Serbian (safe to run again)
  kolega worker         run only the mail worker

Configuration comes from environment variables; see README.md.";

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Serve,
    Migrate,
    CreateUser {
        email: String,
        name: String,
        role: Role,
    },
    SeedDemo,
    Worker,
    Help,
}

pub fn parse(args: &[String]) -> Result<Command, String> {
    let Some((command, rest)) = args.split_first() else {
        return Ok(Command::Serve);
    };
    let no_arguments = |command: Command| {
        if rest.is_empty() {
            Ok(command)
        } else {
            Err(format!("unexpected arguments: {}", rest.join(" ")))
        }
    };
    match command.as_str() {
        "serve" => no_arguments(Command::Serve),
        "migrate" => no_arguments(Command::Migrate),
        "seed-demo" => no_arguments(Command::SeedDemo),
        "worker" => no_arguments(Command::Worker),
        "help" | "--help" | "-h" => Ok(Command::Help),
        "create-user" => parse_create_user(rest),
        other => Err(format!("unknown command {other:?}")),
    }
}

fn parse_create_user(args: &[String]) -> Result<Command, String> {
    let (mut email, mut name, mut role) = (None, None, None);
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--email" => email = Some(value.trim().to_lowercase()),
            "--name" => name = Some(value.trim().to_owned()),
            "--role" => role = Some(value.parse::<Role>()?),
            "--password" => {
                return Err("the password is read from stdin, never from the command line".into());
            }
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    let email = email.ok_or("--email with an e-mail address is required")?;
    // The same rules as the sign-up form: the account-created mail must be
    // one the mailer can send.
    if let Some(problem) = address::problem(&email) {
        return Err(if problem == "error-email-ascii" {
            format!(
                "--email {email:?}: Kolega can only send to addresses without letters such as č, ć, š, ž, đ or Cyrillic"
            )
        } else {
            format!("--email {email:?} is not an address mail can be sent to")
        });
    }
    let name = name.filter(|n| !n.is_empty()).ok_or("--name is required")?;
    let role = role.ok_or("--role is required")?;
    Ok(Command::CreateUser { email, name, role })
}

pub async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    match command {
        Command::Help => {
            println!("{USAGE}");
            Ok(())
        }
        Command::Serve => server::serve(config).await,
        Command::Worker => server::run_worker(config).await,
        Command::Migrate => {
            let database = Database::open(&config, Sharing::JoinRunning).await?;
            println!("the database schema is up to date");
            database.close().await
        }
        Command::SeedDemo => {
            let database = Database::open(&config, Sharing::JoinRunning).await?;
            let result = match crate::library::files::FileStore::from_config(&config) {
                Ok(files) => crate::seed::seed_demo(&database.pool, &files).await,
                Err(error) => Err(error),
            };
            database.close().await?;
            result
        }
        Command::CreateUser { email, name, role } => {
            let secret = read_password()?;
            if secret.chars().count() < password::MIN_LENGTH {
                bail!(
                    "the password must have at least {} characters",
                    password::MIN_LENGTH
                );
            }
            let database = Database::open(&config, Sharing::JoinRunning).await?;
            let result = create_user(&database, &config, &email, &name, role, secret).await;
            database.close().await?;
            result
        }
    }
}

async fn create_user(
    database: &Database,
    config: &Config,
    email: &str,
    name: &str,
    role: Role,
    secret: String,
) -> anyhow::Result<()> {
    if store::find_user_by_email(&database.pool, email)
        .await?
        .is_some()
    {
        bail!("a member with the e-mail address {email} already exists");
    }
    let password_hash = password::hash(secret).await?;
    let mut tx = database.pool.begin().await?;
    let user = store::create_user(
        &mut tx,
        &store::NewUser {
            email,
            name,
            role,
            password_hash: &password_hash,
            locale: Locale::SrLatn.tag(),
            verified: true,
        },
    )
    .await?;
    let context = email::EmailContext::new(Locale::SrLatn, &config.base_url);
    let message = email::account_created(&context, &user.email, &user.name)?;
    outbox::enqueue(
        &mut *tx,
        &message.into_message(Some(user.user_id)),
        chrono::Utc::now(),
    )
    .await?;
    tx.commit().await?;
    println!("created {} {} (@{})", user.role, user.email, user.handle);
    Ok(())
}

/// One line from stdin; on a terminal, asked for without echo.
fn read_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    if interactive {
        eprint!("Password (at least {} characters): ", password::MIN_LENGTH);
        std::io::stderr().flush()?;
    }
    let _echo = interactive.then(EchoOff::new);
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from stdin")?;
    if interactive {
        eprintln!();
    }
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

/// Turns terminal echo off while alive.
struct EchoOff(Option<libc::termios>);

impl EchoOff {
    fn new() -> EchoOff {
        // SAFETY: termios is plain data; the calls only read/write it for fd 0.
        unsafe {
            let mut settings: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(0, &mut settings) != 0 {
                return EchoOff(None);
            }
            let saved = settings;
            settings.c_lflag &= !libc::ECHO;
            libc::tcsetattr(0, libc::TCSANOW, &settings);
            EchoOff(Some(saved))
        }
    }
}

impl Drop for EchoOff {
    fn drop(&mut self) {
        if let Some(saved) = self.0 {
            // SAFETY: restores the settings read in `new`.
            unsafe {
                libc::tcsetattr(0, libc::TCSANOW, &saved);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn serve_is_the_default() {
        assert_eq!(parse(&[]), Ok(Command::Serve));
        assert_eq!(parse(&args("serve")), Ok(Command::Serve));
    }

    #[test]
    fn create_user_takes_email_name_and_role() {
        let command = parse(&args(
            "create-user --email ana@example.org --name Ana --role admin",
        ))
        .unwrap();
        assert_eq!(
            command,
            Command::CreateUser {
                email: "ana@example.org".into(),
                name: "Ana".into(),
                role: Role::Admin
            }
        );
    }

    #[test]
    fn create_user_refuses_a_password_argument_and_bad_roles() {
        assert!(
            parse(&args(
                "create-user --email a@b.rs --name A --role admin --password x"
            ))
            .unwrap_err()
            .contains("stdin")
        );
        assert!(
            parse(&args("create-user --email a@b.rs --name A --role boss"))
                .unwrap_err()
                .contains("unknown role")
        );
        assert!(parse(&args("create-user --name A --role admin")).is_err());
        for undeliverable in [
            "ana@x..rs",
            "a..b@x.rs",
            "ana@localhost",
            "ana.petrović@x.rs",
        ] {
            let given = format!("create-user --email {undeliverable} --name A --role admin");
            assert!(
                parse(&args(&given)).unwrap_err().contains("--email"),
                "{undeliverable}"
            );
        }
        assert!(parse(&args("frobnicate")).is_err());
    }
}
