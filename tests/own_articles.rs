//! A reader's own article next to the bundled ones (issue 15), through the public core API in the order
//! the UI calls it: read → draft → article → entities added to the corpus's → same-event links.

use presseschau::core::analysis::entities::analyze_corpus;
use presseschau::core::corpus::Corpus;
use presseschau::core::event_view::link_corpus;
use presseschau::core::own::{self, OwnArticle, store};

/// A bundled article as an agency copy: its headline with an agency prefix, the body without its last
/// paragraph. (Under a headline about something else the copy is not linked: the sentences it shares with
/// the two bundled reports of the event are in three documents whose titles do not tell one story, which
/// `events::boilerplate` takes for boilerplate.)
fn agency_copy(corpus: &Corpus) -> (String, own::Draft) {
    let seed = &corpus.articles[0];
    let body: Vec<&str> = seed.blocks[..seed.blocks.len() - 1]
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    let pasted = format!("Agenturmeldung: {}\n\n{}", seed.title.text, body.join("\n\n"));
    (seed.id.0.clone(), own::read_pasted(&pasted).expect("a draft"))
}

#[test]
fn an_own_article_is_analysed_and_linked_to_the_bundled_report_of_its_event() {
    let mut corpus = Corpus::from_seeds();
    let (seed_id, draft) = agency_copy(&corpus);
    assert!(
        own::duplicate_of(&draft.content_id(), &corpus.articles).is_none(),
        "not the same text"
    );
    let article = draft.to_article().expect("an article");
    let own_id = article.id.clone();

    // Entities: the bundled analysis plus the own article gives what analysing everything at once gives.
    let mut entities = analyze_corpus(&corpus);
    let before = entities.clone();
    entities.add_articles([&article]);
    corpus.articles.push(article.clone());
    assert_eq!(entities, analyze_corpus(&corpus));
    assert!(
        !entities.by_article[&own_id].is_empty(),
        "names found in the own article"
    );

    // Links: the own article and the report it retells are linked.
    let links = link_corpus(&corpus, &entities);
    assert!(
        links
            .links
            .iter()
            .any(|l| (l.a.0 == seed_id && l.b == own_id) || (l.b.0 == seed_id && l.a == own_id)),
        "no link between {seed_id} and {own_id}: {:?}",
        links.links
    );

    // Deleting it takes its share out again.
    entities.remove_article(&own_id);
    assert_eq!(entities, before);
}

#[test]
fn the_same_text_under_another_headline_is_the_same_article() {
    let corpus = Corpus::from_seeds();
    let seed = &corpus.articles[0];
    let body: Vec<&str> = seed.blocks.iter().map(|b| b.text.as_str()).collect();
    let pasted = format!(
        "Eine andere Überschrift der Agentur zum selben Ereignis\n\n{}",
        body.join("\n\n")
    );
    let draft = own::read_pasted(&pasted).expect("a draft");
    let found = own::duplicate_of(&draft.content_id(), &corpus.articles).map(|a| &a.id);
    assert_eq!(found, Some(&seed.id));
}

#[test]
fn a_kept_article_survives_storage_and_a_link() {
    let corpus = Corpus::from_seeds();
    let (_, draft) = agency_copy(&corpus);
    let saved = OwnArticle::new(draft.clone(), "2026-12-04T21:00:00Z");
    let back = store::decode(&store::encode(&saved)).expect("readable").article;
    assert_eq!(back.draft.to_article(), draft.to_article());
    let value = own::share::encode(&draft).expect("fits in a link");
    let received = own::share::decode(&value).expect("readable link");
    assert_eq!(received.content_id(), saved.id);
}
