//! A comparison member as the member store keeps it (issue 23; `storage::members` puts it into IndexedDB): the
//! other job centre's workspace in the parts the file worker already speaks (`exchange::job::parts`: the head, one
//! text per agreement, one per year of values), so that a comparison of one year reads that year and the one before
//! of each member, never its whole history; and the rules for a file of a member already present.

use crate::core::calendar::{Date, Year};
use crate::domain::comparison::TypeHistory;
pub use crate::domain::comparison::member_key as key_of;
use crate::domain::workspace::Workspace;
use crate::exchange::job::{MemberPreview, parts};
use crate::locale::{Lang, format_date};
use crate::tr;

/// The record's layout this build writes; a record of a higher one is kept as it is and not read.
pub const MEMBER_SCHEMA: u32 = 1;

/// One member, as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberParts {
    pub schema: u32,
    pub name: String,
    pub types: TypeHistory,
    /// The name of the file it was read from.
    pub file: String,
    pub added: Date,
    /// The newest Datenstand of its figures.
    pub as_of: Option<Date>,
    pub head: String,
    pub agreements: Vec<String>,
    pub years: Vec<(Year, String)>,
}

/// The newest Datenstand among a workspace's figures.
pub fn newest_as_of(workspace: &Workspace) -> Option<Date> {
    workspace
        .values
        .iter()
        .filter_map(|v| v.current.as_of)
        .max()
}

impl MemberParts {
    /// A member from a workspace read from its file.
    pub fn of(
        workspace: &Workspace,
        types: TypeHistory,
        file: &str,
        added: Date,
    ) -> Result<Self, String> {
        let years = parts::years(workspace)
            .into_iter()
            .map(|y| parts::year(workspace, y).map(|text| (y, text)))
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Self {
            schema: MEMBER_SCHEMA,
            name: workspace.organisation.clone(),
            types,
            file: file.to_owned(),
            added,
            as_of: newest_as_of(workspace),
            head: parts::head(workspace)?,
            agreements: workspace
                .agreements
                .iter()
                .map(|a| parts::agreement(a))
                .collect::<Result<_, _>>()?,
            years,
        })
    }

    /// A member from the file worker's answer: its preview and the parts in the order the preview gives
    /// (`exchange::job::MemberPreview`); `None` where the parts do not match it.
    pub fn from_worker(
        preview: &MemberPreview,
        texts: Vec<String>,
        types: TypeHistory,
        file: &str,
        added: Date,
    ) -> Option<Self> {
        if texts.len() != 1 + preview.agreements + preview.years.len() {
            return None;
        }
        let mut texts = texts.into_iter();
        let head = texts.next()?;
        let agreements: Vec<String> = texts.by_ref().take(preview.agreements).collect();
        let years = preview.years.iter().copied().zip(texts).collect();
        Some(Self {
            schema: MEMBER_SCHEMA,
            name: preview.name.clone(),
            types,
            file: file.to_owned(),
            added,
            as_of: preview.as_of,
            head,
            agreements,
            years,
        })
    }

    /// The member's workspace with its agreements and the values of `year` and the year before (a target of a
    /// year may need the previous year's figure), or why it cannot be read.
    pub fn workspace_for(&self, year: Year) -> Result<Workspace, String> {
        if self.schema > MEMBER_SCHEMA {
            return Err(format!("schema {}", self.schema));
        }
        let mut workspace = parts::read_head(&self.head)?;
        for text in &self.agreements {
            parts::read_part(&mut workspace, text)?;
        }
        for (y, text) in &self.years {
            if *y == year || Some(*y) == year.previous() {
                parts::read_part(&mut workspace, text)?;
            }
        }
        Ok(workspace)
    }
}

/// Storage name (localStorage, beside the own workspace) of the own workspace's part in the comparison.
pub const OWN_PART: &str = "vergleich.eigen";

/// Whether the own workspace takes part in the comparison, and its comparison types.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OwnPart {
    #[serde(rename = "teilnehmen")]
    pub takes_part: bool,
    #[serde(rename = "typen")]
    pub types: TypeHistory,
}

impl OwnPart {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }

    /// The stored text read back; `Err` where it is not one (the caller keeps it and does not write over it).
    pub fn decode(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

/// What a file of a job centre already among the members does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// Not yet a member.
    New,
    /// Newer figures than the member's: it replaces the member once the user has seen what changes.
    Newer,
    /// The same Datenstand: nothing to do.
    Same,
    /// Older figures than the member's: refused, with the reason.
    Older(String),
}

/// How a file whose figures stand at `incoming` meets the member that stands at `present` (`None`: no member yet).
pub fn arrival(present: Option<Option<Date>>, incoming: Option<Date>, lang: Lang) -> Arrival {
    match present {
        None => Arrival::New,
        Some(had) if incoming > had => Arrival::Newer,
        Some(had) if incoming == had => Arrival::Same,
        Some(had) => {
            let stand = |d: Option<Date>| match d {
                Some(d) => {
                    let d = format_date(d, lang);
                    tr!(lang, "Datenstand {d}", "as of {d}")
                }
                None => lang
                    .pick("ohne Datenstand", "without an as-of date")
                    .to_owned(),
            };
            let (theirs, ours) = (stand(incoming), stand(had));
            Arrival::Older(tr!(
                lang,
                "Die Datei hat ältere Zahlen ({theirs}) als das schon aufgenommene Jobcenter ({ours}); sie wurde nicht übernommen.",
                "The file holds older figures ({theirs}) than the job centre already added ({ours}); it was not taken."
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::odenwaldkreis;

    fn date(y: i64, m: i64, d: i64) -> Option<Date> {
        Date::new(y, m, d)
    }

    #[test]
    fn one_key_for_one_job_centre_however_typed() {
        assert_eq!(key_of("  Jobcenter   Bergstraße "), "jobcenter bergstraße");
        assert_eq!(
            key_of("JOBCENTER Bergstraße"),
            key_of("Jobcenter bergstraße")
        );
    }

    #[test]
    fn a_member_reads_back_the_year_asked_and_the_one_before() {
        let ws = odenwaldkreis();
        let added = date(2026, 12, 7).unwrap();
        let member = MemberParts::of(&ws, TypeHistory::default(), "odenwald.json", added).unwrap();
        assert_eq!(member.name, "Kommunales Job-Center (KJC) Odenwaldkreis");
        assert_eq!(member.agreements.len(), 2);
        // The example's figures are the 2021 annual values without a Datenstand.
        assert_eq!(
            member
                .years
                .iter()
                .map(|(y, _)| y.get())
                .collect::<Vec<_>>(),
            [2021]
        );
        assert_eq!(member.as_of, None);
        let for_2022 = member.workspace_for(Year::new(2022).unwrap()).unwrap();
        assert_eq!(for_2022.agreements.len(), 2);
        assert_eq!(
            for_2022.values.iter().count(),
            2,
            "2021's INT 718 and LZB 2,035"
        );
        let for_2024 = member.workspace_for(Year::new(2024).unwrap()).unwrap();
        assert_eq!(for_2024.values.iter().count(), 0);
        let newer = MemberParts {
            schema: MEMBER_SCHEMA + 1,
            ..member
        };
        assert_eq!(
            newer.workspace_for(Year::new(2022).unwrap()),
            Err("schema 2".into())
        );
    }

    #[test]
    fn a_member_from_the_workers_answer_is_the_member_of_the_workspace() {
        let ws = odenwaldkreis();
        let added = date(2026, 12, 7).unwrap();
        let preview = MemberPreview {
            name: ws.organisation.clone(),
            key: key_of(&ws.organisation),
            described: String::new(),
            as_of: None,
            agreements: 2,
            years: vec![Year::new(2021).unwrap()],
        };
        let texts = parts::all(&ws).unwrap();
        let direct = MemberParts::of(&ws, TypeHistory::default(), "f.json", added).unwrap();
        let from_worker = MemberParts::from_worker(
            &preview,
            texts.clone(),
            TypeHistory::default(),
            "f.json",
            added,
        );
        assert_eq!(from_worker, Some(direct));
        // Parts that do not fit the preview are no member.
        assert_eq!(
            MemberParts::from_worker(
                &preview,
                texts[..3].to_vec(),
                TypeHistory::default(),
                "f.json",
                added
            ),
            None
        );
    }

    #[test]
    fn the_own_part_reads_back_and_a_foreign_text_is_an_error() {
        let mut own = OwnPart {
            takes_part: true,
            ..OwnPart::default()
        };
        own.types.set(
            Year::new(2020).unwrap(),
            crate::domain::comparison::TypeCode::parse("IIb").unwrap(),
        );
        assert_eq!(
            own.encode(),
            r#"{"teilnehmen":true,"typen":[[2020,"IIb"]]}"#
        );
        assert_eq!(OwnPart::decode(&own.encode()), Ok(own));
        assert!(OwnPart::decode("{kaputt").is_err());
        assert!(OwnPart::decode(r#"{"teilnehmen":true,"typen":[[2020,"I b"]]}"#).is_err());
    }

    #[test]
    fn a_newer_file_replaces_an_older_one_is_refused_with_the_reason() {
        let may = date(2022, 5, 31);
        let april = date(2022, 4, 30);
        assert_eq!(arrival(None, may, Lang::De), Arrival::New);
        assert_eq!(arrival(Some(april), may, Lang::De), Arrival::Newer);
        assert_eq!(arrival(Some(may), may, Lang::De), Arrival::Same);
        assert_eq!(arrival(Some(None), may, Lang::De), Arrival::Newer);
        assert_eq!(
            arrival(Some(may), april, Lang::De),
            Arrival::Older(
                "Die Datei hat ältere Zahlen (Datenstand 30.04.2022) als das schon aufgenommene Jobcenter \
                 (Datenstand 31.05.2022); sie wurde nicht übernommen."
                    .into()
            )
        );
        assert_eq!(
            arrival(Some(may), None, Lang::En),
            Arrival::Older(
                "The file holds older figures (without an as-of date) than the job centre already added \
                 (as of 31/05/2022); it was not taken."
                    .into()
            )
        );
    }
}
