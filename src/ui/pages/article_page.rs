//! Route `#/a/<article-id>`: one article — headline, meta line, clean text with captions, the original
//! on request, previous/next, copy link.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::core::corpus::{Article, BlockKind, TitleOrigin};
use crate::core::render::{Node, block_nodes};
use crate::ui::components::copy_link_button::CopyLinkButton;
use crate::ui::components::markdown_view::MarkdownView;
use crate::ui::components::meta_line::MetaLine;
use crate::ui::components::original_view::OriginalView;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::routes::Route;
use crate::ui::state::use_app;
use crate::ui::text;

/// Props of [`ArticlePage`].
#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    /// The article id from the route.
    pub id: AttrValue,
}

/// The article page, or a not-found page for an unknown id.
#[component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let app = use_app();
    let show_original = use_state_eq(|| false);
    let corpus = app.corpus.clone();
    let pos = corpus.position(&props.id);
    {
        let title = pos.map(|p| corpus.articles[p].title.text.clone());
        let show_original = show_original.clone();
        use_effect_with(props.id.clone(), move |_| {
            show_original.set(false);
            crate::platform::dom::scroll_to_top();
            if let Some(t) = title {
                crate::platform::dom::set_title(&format!("{t} — {}", text::APP_NAME));
            }
        });
    }
    let Some(pos) = pos else {
        return html! { <NotFoundPage message={AttrValue::Static(text::NOT_FOUND_ARTICLE)} /> };
    };
    let article = Rc::new(corpus.articles[pos].clone());
    let prev = pos.checked_sub(1).map(|p| &corpus.articles[p]);
    let next = corpus.articles.get(pos + 1);
    let toggle = {
        let show_original = show_original.clone();
        Callback::from(move |_| show_original.set(!*show_original))
    };
    let hash = format!("#/a/{}", article.id);
    html! {
        <article class="article" data-page="article" data-article-id={article.id.0.clone()}>
            <header class="article-header">
                <h1 class={classes!((article.title.origin == TitleOrigin::FirstSentence).then_some("title--derived"))}>
                    { article.title.text.clone() }
                </h1>
                if article.title.origin == TitleOrigin::FirstSentence {
                    <p class="title-note">{ text::NO_HEADLINE }</p>
                }
                <MetaLine article={article.clone()} />
                <div class="article-tools">
                    <button type="button" class="button button--quiet" aria-pressed={(*show_original).to_string()} onclick={toggle} id="toggle-original">
                        { if *show_original { text::SHOW_CLEAN } else { text::SHOW_ORIGINAL } }
                    </button>
                    <CopyLinkButton hash={AttrValue::from(hash)} />
                </div>
            </header>
            if *show_original {
                <OriginalView article={article.clone()} />
            } else {
                <ArticleBody article={article.clone()} />
            }
            <nav class="prev-next" aria-label="Weitere Artikel">
                if let Some(p) = prev {
                    <Link<Route> to={Route::Article { id: p.id.0.clone() }} classes="prev">
                        <span class="pn-label">{ "← " }{ text::PREVIOUS }</span>
                        <span class="pn-title">{ p.title.text.clone() }</span>
                    </Link<Route>>
                } else { <span /> }
                if let Some(n) = next {
                    <Link<Route> to={Route::Article { id: n.id.0.clone() }} classes="next">
                        <span class="pn-label">{ text::NEXT }{ " →" }</span>
                        <span class="pn-title">{ n.title.text.clone() }</span>
                    </Link<Route>>
                }
            </nav>
        </article>
    }
}

/// Props of [`ArticleBody`].
#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    /// The article.
    pub article: Rc<Article>,
}

/// The clean text: lead, paragraphs, subheadings, quotes, and captions as figures.
#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let a = &props.article;
    let blocks: Vec<(BlockKind, Rc<Vec<Node>>)> = a
        .blocks
        .iter()
        .map(|b| (b.kind, Rc::new(block_nodes(&b.markdown, b.start, &[]))))
        .collect();
    let credits = a.credits.join(" · ");
    html! {
        <div class="article-body">
            for (kind, nodes) in blocks {
                { match kind {
                    BlockKind::Lead => html! { <p class="lead"><MarkdownView {nodes} /></p> },
                    BlockKind::Paragraph => html! { <p><MarkdownView {nodes} /></p> },
                    BlockKind::Subheading => html! { <h2 class="subheading"><MarkdownView {nodes} /></h2> },
                    BlockKind::Quote => html! { <blockquote><p><MarkdownView {nodes} /></p></blockquote> },
                    BlockKind::Caption => html! {
                        <figure class="caption"><figcaption><span class="caption-icon" aria-hidden="true">{ "▣ " }</span><MarkdownView {nodes} /></figcaption></figure>
                    },
                } }
            }
            if !credits.is_empty() {
                <p class="photo-credits"><span>{ text::PHOTO_CREDITS }{ ": " }</span>{ credits }</p>
            }
        </div>
    }
}
