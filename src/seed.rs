//! `kolega seed-demo`: believable demo content in Serbian, so a new
//! installation can be shown to colleagues. Safe to run again: existing
//! demo records are left as they are. Every feature extends it.

use chrono::Utc;
use sqlx::PgPool;

use crate::members::store::{self, Background, NewUser, OwnSettings};
use crate::members::{Role, password};

/// The demo accounts' password, unless `KOLEGA_DEMO_PASSWORD` says otherwise.
pub const DEFAULT_DEMO_PASSWORD: &str = "kolega-demo-2026";

/// A demo member: people like those who use KonekTaS and the Montenegro
/// portal (e-mail addresses use the reserved example domain).
pub struct DemoMember {
    pub email: &'static str,
    pub name: &'static str,
    pub role: Role,
    pub profession: &'static str,
    pub country: &'static str,
    pub city: &'static str,
    pub institution: &'static str,
    pub expertise: &'static str,
    pub bio: &'static str,
}

pub const DEMO_MEMBERS: &[DemoMember] = &[
    DemoMember {
        email: "admin@kolega.example",
        name: "Admin Kolega",
        role: Role::Admin,
        profession: "practitioner",
        country: "RS",
        city: "Beograd",
        institution: "Kolega",
        expertise: "",
        bio: "Administrator platforme.",
    },
    DemoMember {
        email: "milica.jovanovic@kolega.example",
        name: "Milica Jovanović",
        role: Role::Moderator,
        profession: "practitioner",
        country: "RS",
        city: "Beograd",
        institution: "Udruženje stručnih radnika socijalne zaštite",
        expertise: "supervizija, prevencija sagorevanja",
        bio: "Socijalna radnica sa dvadeset godina iskustva u centru za socijalni rad, danas supervizorka i moderatorka biblioteke.",
    },
    DemoMember {
        email: "dragana.petrovic@kolega.example",
        name: "prof. dr Dragana Petrović",
        role: Role::Teacher,
        profession: "teacher",
        country: "RS",
        city: "Beograd",
        institution: "Fakultet političkih nauka, Univerzitet u Beogradu",
        expertise: "socijalna politika, metode socijalnog rada",
        bio: "Predajem metode socijalnog rada i vodim grupe studenata na terenskoj praksi.",
    },
    DemoMember {
        email: "jelena.stojanovic@kolega.example",
        name: "Jelena Stojanović",
        role: Role::Practitioner,
        profession: "practitioner",
        country: "RS",
        city: "Vranje",
        institution: "Centar za socijalni rad Vranje",
        expertise: "zaštita dece, hraniteljstvo",
        bio: "Voditeljka slučaja u službi za zaštitu dece i mladih.",
    },
    DemoMember {
        email: "nikola.djordjevic@kolega.example",
        name: "Nikola Đorđević",
        role: Role::Practitioner,
        profession: "practitioner",
        country: "RS",
        city: "Niš",
        institution: "Dnevni boravak za decu sa smetnjama u razvoju Niš",
        expertise: "osobe sa invaliditetom, usluge u zajednici",
        bio: "Psiholog u dnevnom boravku; zanimaju me usluge podrške porodicama.",
    },
    DemoMember {
        email: "ana.vukovic@kolega.example",
        name: "Ana Vuković",
        role: Role::Practitioner,
        profession: "practitioner",
        country: "ME",
        city: "Podgorica",
        institution: "Centar za socijalni rad Podgorica",
        expertise: "nasilje u porodici, deca na ulici",
        bio: "Radim na slučajevima nasilja u porodici i sa decom koja žive i rade na ulici.",
    },
    DemoMember {
        email: "marko.ilic@kolega.example",
        name: "Marko Ilić",
        role: Role::Student,
        profession: "student",
        country: "RS",
        city: "Beograd",
        institution: "Fakultet političkih nauka, master studije socijalnog rada",
        expertise: "",
        bio: "Student master studija; pripremam rad o uslugama za starije.",
    },
    DemoMember {
        email: "sara.nikolic@kolega.example",
        name: "Sara Nikolić",
        role: Role::Student,
        profession: "student",
        country: "BA",
        city: "Banja Luka",
        institution: "Fakultet političkih nauka Banja Luka",
        expertise: "",
        bio: "Studentkinja treće godine socijalnog rada.",
    },
];

pub async fn seed_demo(
    pool: &PgPool,
    files: &crate::library::files::FileStore,
) -> anyhow::Result<()> {
    let demo_password =
        std::env::var("KOLEGA_DEMO_PASSWORD").unwrap_or_else(|_| DEFAULT_DEMO_PASSWORD.to_owned());
    let password_hash = password::hash(demo_password.clone()).await?;
    let mut created = 0;
    for member in DEMO_MEMBERS {
        let mut tx = pool.begin().await?;
        if store::find_user_by_email(&mut *tx, member.email)
            .await?
            .is_none()
        {
            let new_user = NewUser {
                email: member.email,
                name: member.name,
                role: member.role,
                password_hash: &password_hash,
                locale: "sr-Latn",
                verified: true,
            };
            let background = Background {
                profession: member.profession.into(),
                country: member.country.into(),
                city: member.city.into(),
                institution: member.institution.into(),
            };
            let user = store::create_member(&mut tx, &new_user, &background).await?;
            let settings = OwnSettings {
                name: member.name.into(),
                email: member.email.into(),
                bio: member.bio.into(),
                expertise: member.expertise.into(),
                institution: member.institution.into(),
                city: member.city.into(),
                country: member.country.into(),
                locale: "sr-Latn".into(),
                listed_in_directory: true,
                shown_online: true,
            };
            store::update_settings(&mut *tx, user.user_id, &settings, Utc::now()).await?;
            created += 1;
        }
        tx.commit().await?;
    }
    println!(
        "demo members: {created} created, {} already there; they sign in with the password {demo_password:?}",
        DEMO_MEMBERS.len() - created
    );
    // The moderator and a psychologist answer "help for helpers" requests.
    for email in [
        "milica.jovanovic@kolega.example",
        "nikola.djordjevic@kolega.example",
    ] {
        if let Some(user) = store::find_user_by_email(pool, email).await? {
            crate::support::store::set_supporter(pool, user.user_id, true).await?;
        }
    }
    let groups = crate::groups::seed::seed(pool).await?;
    println!("demo groups: {groups} created");
    let events = crate::events::seed::seed(pool).await?;
    println!("demo events: {events} created");
    let resources = crate::library::seed::seed(pool, files).await?;
    println!("demo library resources: {resources} created");
    let following = crate::site::topics::seed_demo(pool).await?;
    println!("demo members following library topics: {following} given topics");
    let services = crate::directory::seed::seed(pool).await?;
    println!("demo services on the map: {services} created");
    let notifications = crate::notify::seed::seed(pool).await?;
    println!("demo notifications: {notifications} created");
    Ok(())
}
