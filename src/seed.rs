//! `kolega seed-demo`: believable demo content in Serbian, so a new
//! installation can be shown to colleagues. Safe to run again: existing
//! demo records are left as they are. Every feature extends it.

use sqlx::PgPool;

use crate::members::{Role, password, store};

/// The demo accounts' password, unless `KOLEGA_DEMO_PASSWORD` says otherwise.
pub const DEFAULT_DEMO_PASSWORD: &str = "kolega-demo-2026";

/// The demo members: people like those who use KonekTaS and the Montenegro
/// portal (e-mail domains are reserved example domains).
pub const DEMO_MEMBERS: &[(&str, &str, Role)] = &[
    ("admin@kolega.example", "Admin Kolega", Role::Admin),
    (
        "milica.jovanovic@kolega.example",
        "Milica Jovanović",
        Role::Moderator,
    ),
    (
        "dragana.petrovic@kolega.example",
        "prof. dr Dragana Petrović",
        Role::Teacher,
    ),
    (
        "jelena.stojanovic@kolega.example",
        "Jelena Stojanović",
        Role::Practitioner,
    ),
    (
        "nikola.djordjevic@kolega.example",
        "Nikola Đorđević",
        Role::Practitioner,
    ),
    (
        "ana.vukovic@kolega.example",
        "Ana Vuković",
        Role::Practitioner,
    ),
    ("marko.ilic@kolega.example", "Marko Ilić", Role::Student),
    ("sara.nikolic@kolega.example", "Sara Nikolić", Role::Student),
];

pub async fn seed_demo(pool: &PgPool) -> anyhow::Result<()> {
    let demo_password =
        std::env::var("KOLEGA_DEMO_PASSWORD").unwrap_or_else(|_| DEFAULT_DEMO_PASSWORD.to_owned());
    let password_hash = password::hash(demo_password.clone()).await?;
    let mut created = 0;
    for &(email, name, role) in DEMO_MEMBERS {
        let mut tx = pool.begin().await?;
        if store::find_user_by_email(&mut *tx, email).await?.is_none() {
            store::create_user(
                &mut tx,
                &store::NewUser {
                    email,
                    name,
                    role,
                    password_hash: &password_hash,
                    locale: "sr-Latn",
                    verified: true,
                },
            )
            .await?;
            created += 1;
        }
        tx.commit().await?;
    }
    println!(
        "demo members: {created} created, {} already there; they sign in with the password {demo_password:?}",
        DEMO_MEMBERS.len() - created
    );
    Ok(())
}
