//! Demo library for `kolega seed-demo`: about forty believable resources in
//! Serbian, Montenegrin, English and Macedonian, most with a small
//! generated PDF whose text is then extracted and indexed like any upload.

use chrono::{Duration, Utc};
use sqlx::PgPool;

use super::files::FileStore;
use super::store::{self, ResourceInput};
use super::vocabulary::ResourceKind;
use super::vocabulary::ResourceStatus::{Draft, Published};
use crate::members::store::find_user_by_email;

/// (title, kind, topic, language, audience, source, year, text of the PDF
/// or "" for a link)
type Demo = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i32,
    &'static str,
);

const RESOURCES: &[Demo] = &[
    (
        "Protokol o postupanju sa decom u životu i radu na ulici",
        "protocol",
        "child-protection",
        "sr",
        "professionals",
        "Ministarstvo za rad, zapošljavanje, boračka i socijalna pitanja",
        2023,
        "Koraci centra za socijalni rad kada dete prosi ili radi na ulici: procena, hitne mere, saradnja sa policijom i školom.",
    ),
    (
        "Opšti protokol za zaštitu dece od zlostavljanja i zanemarivanja",
        "protocol",
        "child-protection",
        "sr",
        "professionals",
        "Vlada Republike Srbije",
        2022,
        "Obaveze ustanova kada postoji sumnja na zlostavljanje deteta: prijava, procena rizika, plan zaštite.",
    ),
    (
        "Posebni protokol o zaštiti dece u ustanovama socijalne zaštite",
        "protocol",
        "child-protection",
        "sr",
        "professionals",
        "Ministarstvo za rad",
        2021,
        "Postupanje zaposlenih u domovima za decu kada se sumnja na nasilje.",
    ),
    (
        "Smernice za rad centara za socijalni rad u slučajevima nasilja u porodici",
        "guideline",
        "domestic-violence",
        "sr",
        "professionals",
        "Republički zavod za socijalnu zaštitu",
        2023,
        "Procena bezbednosti žrtve, hitne mere zaštite i individualni plan zaštite i podrške.",
    ),
    (
        "Procena rizika od nasilja u porodici — radni obrazac",
        "form",
        "domestic-violence",
        "sr",
        "professionals",
        "Republički zavod za socijalnu zaštitu",
        2022,
        "Obrazac za procenu rizika sa pitanjima o ranijem nasilju, pretnjama i oružju.",
    ),
    (
        "Šta je hraniteljstvo? Brošura za građane",
        "brochure",
        "foster-care",
        "sr",
        "citizens",
        "Centar za porodični smeštaj i usvojenje Beograd",
        2024,
        "Ko može postati hranitelj, kako izgleda obuka i kakva podrška postoji za porodice.",
    ),
    (
        "Hraniteljstvo — vodič za nove hranitelje",
        "guideline",
        "foster-care",
        "sr",
        "citizens",
        "Centar za porodični smeštaj i usvojenje Niš",
        2021,
        "Prvi dani deteta u porodici, saradnja sa centrom i biološkom porodicom.",
    ),
    (
        "Priručnik za obuku hranitelja",
        "training",
        "foster-care",
        "sr",
        "professionals",
        "UNICEF Srbija",
        2020,
        "Moduli obuke za buduće hranitelje: razvoj deteta, gubitak i vezivanje, saradnja.",
    ),
    (
        "Briga o sebi za pomagače: kako prepoznati sagorevanje",
        "training",
        "mental-health",
        "sr",
        "professionals",
        "Fakultet političkih nauka, KonekTaS",
        2025,
        "Znaci sagorevanja, kratke tehnike rasterećenja i uloga supervizije u timu.",
    ),
    (
        "Supervizija u socijalnoj zaštiti — standardi i praksa",
        "guideline",
        "mental-health",
        "sr",
        "professionals",
        "Komora socijalne zaštite",
        2022,
        "Oblici supervizije, uloga supervizora i vođenje evidencije.",
    ),
    (
        "Global Social Work Statement of Ethical Principles (prevod)",
        "translation",
        "mental-health",
        "sr",
        "professionals",
        "IFSW / IASSW",
        2018,
        "Etički principi socijalnog rada: ljudsko dostojanstvo, socijalna pravda, pravo na samoopredeljenje.",
    ),
    (
        "Global Social Work Statement of Ethical Principles",
        "research",
        "mental-health",
        "en",
        "professionals",
        "IFSW / IASSW",
        2018,
        "Ethical principles of social work: human dignity, social justice, self-determination.",
    ),
    (
        "EASSW izjava o socijalnom radu u vreme krize (prevod)",
        "translation",
        "poverty",
        "sr",
        "students",
        "EASSW",
        2022,
        "Uloga socijalnog rada u kriznim situacijama i zaštita najranjivijih.",
    ),
    (
        "Standardi usluge pomoć u kući za starije",
        "guideline",
        "older-people",
        "sr",
        "professionals",
        "Ministarstvo za rad",
        2019,
        "Ko ima pravo na uslugu, kako se procenjuju potrebe i kako se prati kvalitet.",
    ),
    (
        "Prepoznavanje zanemarivanja starijih osoba",
        "training",
        "older-people",
        "sr",
        "professionals",
        "Crveni krst Srbije",
        2023,
        "Znaci zanemarivanja i finansijskog zlostavljanja starijih i kome se obratiti.",
    ),
    (
        "Vodič za porodice osoba sa invaliditetom: prava i usluge",
        "brochure",
        "disability",
        "sr",
        "citizens",
        "Nacionalna organizacija osoba sa invaliditetom",
        2024,
        "Dnevni boravak, personalna asistencija, novčana davanja i kako se podnosi zahtev.",
    ),
    (
        "Personalna asistencija — smernice za pružaoce usluge",
        "guideline",
        "disability",
        "sr",
        "professionals",
        "Centar za samostalni život",
        2021,
        "Uloga asistenta, planiranje podrške i poštovanje izbora korisnika.",
    ),
    (
        "Rad sa migrantima i izbeglicama: priručnik za centre za socijalni rad",
        "training",
        "migrants",
        "sr",
        "professionals",
        "UNHCR Srbija",
        2022,
        "Deca bez pratnje, procena najboljeg interesa deteta i rad sa prevodiocem.",
    ),
    (
        "Deca bez pratnje — standardne operativne procedure",
        "protocol",
        "migrants",
        "sr",
        "professionals",
        "Ministarstvo za rad",
        2020,
        "Identifikacija, privremeni staratelj i smeštaj dece bez pratnje.",
    ),
    (
        "Maloletnici u sukobu sa zakonom — vaspitne mere i uloga organa starateljstva",
        "guideline",
        "juvenile-justice",
        "sr",
        "professionals",
        "Pravosudna akademija",
        2021,
        "Izveštaji za sud, izvršenje vaspitnih mera i rad sa porodicom.",
    ),
    (
        "Alternativne sankcije za maloletnike — pregled prakse",
        "research",
        "juvenile-justice",
        "sr",
        "students",
        "Fakultet političkih nauka",
        2023,
        "Istraživanje primene mera upozorenja i usmeravanja u pet opština.",
    ),
    (
        "Siromaštvo dece u Srbiji — istraživanje",
        "research",
        "poverty",
        "sr",
        "students",
        "Tim za socijalno uključivanje",
        2024,
        "Deprivacija, pristup uslugama i novčana socijalna pomoć porodicama sa decom.",
    ),
    (
        "Narodna kuhinja — kako organizovati uslugu u opštini",
        "guideline",
        "poverty",
        "sr",
        "professionals",
        "Crveni krst Srbije",
        2020,
        "Procena potreba, nabavka, volonteri i dostojanstvo korisnika.",
    ),
    (
        "Obrazac zahteva za novčanu socijalnu pomoć",
        "form",
        "poverty",
        "sr",
        "citizens",
        "Centar za socijalni rad",
        2024,
        "Podaci o domaćinstvu, prihodi i potrebni dokumenti.",
    ),
    (
        "Протокол о поступању са децом у ризику — ћирилична верзија",
        "protocol",
        "child-protection",
        "sr",
        "professionals",
        "Министарство за рад",
        2023,
        "",
    ),
    (
        "Smjernice za postupanje u slučajevima nasilja u porodici",
        "guideline",
        "domestic-violence",
        "cnr",
        "professionals",
        "Zavod za socijalnu i dječju zaštitu Crne Gore",
        2022,
        "Postupanje centara za socijalni rad u Crnoj Gori kod nasilja u porodici.",
    ),
    (
        "Protokol o postupanju sa djecom u prosjačenju",
        "protocol",
        "child-protection",
        "cnr",
        "professionals",
        "Zavod za socijalnu i dječju zaštitu Crne Gore",
        2021,
        "Dijete u prosjačenju: procjena, zaštita i saradnja institucija.",
    ),
    (
        "Hraniteljstvo u Crnoj Gori — informator za građane",
        "brochure",
        "foster-care",
        "cnr",
        "citizens",
        "Zavod za socijalnu i dječju zaštitu Crne Gore",
        2023,
        "Kako postati hranitelj i koja podrška postoji.",
    ),
    (
        "Licenciranje stručnih radnika — vodič",
        "guideline",
        "mental-health",
        "cnr",
        "professionals",
        "Zavod za socijalnu i dječju zaštitu Crne Gore",
        2022,
        "Obnova licence, bodovi za akreditovane obuke i evidencija.",
    ),
    (
        "Working with children on the street: practice brief",
        "guideline",
        "child-protection",
        "en",
        "professionals",
        "ChildHub",
        2020,
        "Outreach, trust building and safe referral for children living and working on the street.",
    ),
    (
        "Burnout prevention for social workers",
        "training",
        "mental-health",
        "en",
        "professionals",
        "ChildHub",
        2021,
        "Recognising burnout and building peer support in teams.",
    ),
    (
        "Foster care in the Western Balkans: a comparative study",
        "research",
        "foster-care",
        "en",
        "students",
        "UNICEF ECARO",
        2019,
        "Foster care systems in Serbia, Montenegro, Bosnia and Herzegovina and North Macedonia.",
    ),
    (
        "Domestic violence risk assessment: a guide",
        "guideline",
        "domestic-violence",
        "en",
        "professionals",
        "Council of Europe",
        2022,
        "Structured professional judgement and safety planning with survivors.",
    ),
    (
        "Community-based services for older people",
        "research",
        "older-people",
        "en",
        "professionals",
        "WHO Europe",
        2021,
        "Home care, day care and their effect on independent living.",
    ),
    (
        "Протокол за постапување со деца на улица",
        "protocol",
        "child-protection",
        "mk",
        "professionals",
        "Министерство за социјална политика",
        2022,
        "",
    ),
    (
        "Socijalni rad u zajednici — materijal za vežbe",
        "training",
        "poverty",
        "sr",
        "students",
        "Fakultet političkih nauka",
        2025,
        "Mapiranje resursa zajednice i rad sa lokalnim udruženjima.",
    ),
    (
        "Stručna praksa studenata socijalnog rada — dnevnik prakse",
        "form",
        "child-protection",
        "sr",
        "students",
        "Fakultet političkih nauka",
        2026,
        "Obrazac dnevnika stručne prakse sa refleksijom supervizora.",
    ),
    (
        "Saradnja centra za socijalni rad i škole",
        "guideline",
        "child-protection",
        "sr",
        "professionals",
        "Ministarstvo prosvete",
        2023,
        "Kada škola obaveštava centar, razmena podataka i zajednički plan podrške.",
    ),
    (
        "Dnevni boravak za decu sa smetnjama u razvoju — standardi",
        "guideline",
        "disability",
        "sr",
        "professionals",
        "Republički zavod za socijalnu zaštitu",
        2020,
        "Prostor, kadar, programske aktivnosti i uključivanje porodice.",
    ),
    (
        "Snimak vebinara: Hitno zbrinjavanje zbog nasilja u porodici",
        "recording",
        "domestic-violence",
        "sr",
        "professionals",
        "Kolega",
        2026,
        "",
    ),
];

/// Seeds the demo library; returns how many resources it created.
pub async fn seed(pool: &PgPool, files: &FileStore) -> anyhow::Result<usize> {
    let Some(moderator) = find_user_by_email(pool, "milica.jovanovic@kolega.example").await? else {
        return Ok(0);
    };
    let mut created = 0;
    for (n, (title, kind, topic, language, audience, source, year, text)) in
        RESOURCES.iter().enumerate()
    {
        let exists: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM resources WHERE title = $1)")
                .bind(title)
                .fetch_one(pool)
                .await?;
        if exists {
            continue;
        }
        let now = Utc::now() - Duration::days(RESOURCES.len() as i64 - n as i64);
        let input = ResourceInput {
            title: title.to_string(),
            summary: text.to_string(),
            kind: ResourceKind::parse(kind).expect("a demo resource has a kind"),
            topics: vec![topic.to_string()],
            language: language.to_string(),
            script: if title.chars().any(|c| ('а'..='я').contains(&c)) {
                "cyrillic"
            } else {
                "latin"
            }
            .into(),
            audiences: vec![audience.to_string()],
            source_org: source.to_string(),
            authors: String::new(),
            year: Some(*year),
            licence: "sva prava zadržana, deli se uz dozvolu".into(),
            external_url: if text.is_empty() {
                "https://kolega.example/resursi".into()
            } else {
                String::new()
            },
        };
        let mut tx = pool.begin().await?;
        let file_id = if text.is_empty() {
            None
        } else {
            let saved = files
                .save_bytes(&pdf_with_text(text), &format!("{}.pdf", n + 1))
                .await?;
            Some(store::save_file(&mut tx, &saved, now).await?)
        };
        let id = store::create(&mut tx, &input, file_id, moderator.user_id, now).await?;
        store::set_status(&mut tx, id, &[Draft], Published, moderator.user_id, "", now).await?;
        tx.commit().await?;
        created += 1;
    }
    // Index the PDFs' text now rather than at the scheduler's next turn.
    while super::extract::extract_pending(pool, files, Utc::now()).await? > 0 {}
    Ok(created)
}

/// A one-page PDF with `text` (Latin letters without diacritics, which the
/// standard PDF fonts can show; search normalises alike anyway).
pub fn pdf_with_text(text: &str) -> Vec<u8> {
    let ascii: String = crate::text::search::normalize(text)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
        .collect();
    let content = format!("BT /F1 12 Tf 72 720 Td ({ascii}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}
