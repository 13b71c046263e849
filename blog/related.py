"""Related articles: the editor's choices first, then the newest articles on the same subjects.

Used by articles and by specialty pages. One query (two when `chosen` is a plain list that must
be looked up), however many articles, categories or tags there are."""

from django.db.models import Case, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When


def _ids(values):
    """A subquery for a real QuerySet (no extra query), else a list of primary keys."""
    if isinstance(values, QuerySet):
        return values.values("pk")
    return [getattr(v, "pk", v) for v in values or []]


def related_posts(chosen=(), categories=(), tags=(), exclude_ids=(), limit=3):
    """Up to `limit` live, public articles: the `chosen` ones first, in their order, then the
    newest articles sharing a category or a tag. Never the same article twice, never one in
    `exclude_ids`, never a draft or a private article.

    `chosen` is either a list of articles (or their ids), or a QuerySet of orderable link rows
    with `post_id` and `sort_order` (e.g. `page.related_links.all()`), which stays a subquery.
    `categories` and `tags` are QuerySets (kept as subqueries) or lists of objects or ids; tags
    may also be given by name."""
    from .models import BlogPage

    exclude = [getattr(e, "pk", e) for e in exclude_ids or []]
    match = Q()
    rank = Value(None, output_field=IntegerField())
    if isinstance(chosen, QuerySet):
        match |= Q(pk__in=chosen.values("post_id"))
        rank = Subquery(chosen.filter(post_id=OuterRef("pk")).order_by().values("sort_order")[:1])
    else:
        chosen_ids = list(dict.fromkeys(getattr(c, "pk", c) for c in chosen or []))
        if chosen_ids:
            match |= Q(pk__in=chosen_ids)
            rank = Case(
                *[When(pk=pk, then=Value(position)) for position, pk in enumerate(chosen_ids)],
                default=Value(None),
                output_field=IntegerField(),
            )

    tag_names = [] if isinstance(tags, QuerySet) else [t for t in tags or [] if isinstance(t, str)]
    if tag_names:
        tags = [t for t in tags if not isinstance(t, str)]
    category_ids, tag_ids = _ids(categories), _ids(tags)
    subjects = Q()
    if isinstance(category_ids, QuerySet) or category_ids:
        subjects |= Q(categories__in=category_ids)
    if isinstance(tag_ids, QuerySet) or tag_ids:
        subjects |= Q(tagged_items__tag__in=tag_ids)
    if tag_names:
        subjects |= Q(tagged_items__tag__name__in=tag_names)
    if subjects:
        # A subquery, so the outer query needs no DISTINCT for articles matching several ways.
        match |= Q(pk__in=BlogPage.objects.filter(subjects).values("pk"))
    if not match:
        return []
    return list(
        BlogPage.visible()
        .filter(match)
        .exclude(pk__in=exclude)
        .annotate(chosen_rank=rank)
        .order_by(F("chosen_rank").asc(nulls_last=True), "-date", "-pk")[:limit]
    )
