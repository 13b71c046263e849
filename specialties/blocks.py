"""Blocks that only specialty pages use: beliefs, framework steps and short scenarios.

They match how the practice explains an approach: what we believe, what the work looks like
step by step (each step with a pro tip and a warning), and a short picture of what changes.
Each block renders through its own template in `templates/blocks/`."""

from wagtail import blocks

from practice_site.blocks import common_body_blocks


class PrinciplesBlock(blocks.StructBlock):
    """A heading and a short list of core beliefs."""

    heading = blocks.CharBlock(
        max_length=120,
        default="What we believe",
        help_text="A short heading for the list (shown as h2), e.g. “What we believe”.",
    )
    principles = blocks.ListBlock(
        blocks.CharBlock(
            max_length=240,
            label="Principle",
            help_text="One belief in one plain sentence.",
        ),
        min_num=1,
        max_num=10,
        help_text="Between one and ten short beliefs. Three to five read best.",
    )

    class Meta:
        icon = "list-ul"
        label = "Principles"
        template = "blocks/principles_block.html"
        help_text = "A heading and a short list of the beliefs behind this approach."


class FrameworkStepBlock(blocks.StructBlock):
    """One step of an approach, with a pro tip and a warning."""

    title = blocks.CharBlock(
        max_length=120, help_text="The step in a few words, e.g. “Address the underlying trauma”."
    )
    body = blocks.TextBlock(
        max_length=600, help_text="What this step means, in two or three short sentences."
    )
    pro_tip = blocks.TextBlock(
        max_length=300,
        label="Pro tip",
        help_text="Something that helps with this step. Shown after the label “Pro tip”.",
    )
    warning = blocks.TextBlock(
        max_length=300,
        label="Watch out for",
        help_text="A common trap in this step. Shown after the label “Watch out for”.",
    )

    class Meta:
        icon = "tick"
        label = "Step"


class FrameworkStepsBlock(blocks.StructBlock):
    """A numbered list of steps."""

    heading = blocks.CharBlock(
        max_length=120,
        default="The steps",
        help_text="A short heading for the steps (shown as h2).",
    )
    intro = blocks.TextBlock(
        max_length=400,
        required=False,
        help_text="Optional: one or two sentences before the steps.",
    )
    steps = blocks.ListBlock(
        FrameworkStepBlock(),
        min_num=1,
        max_num=8,
        help_text="The steps in order. Each one needs a title, a short text, a pro tip and a warning.",
    )

    class Meta:
        icon = "list-ol"
        label = "Framework steps"
        template = "blocks/steps_block.html"
        help_text = "Numbered steps, each with a pro tip and a warning."


class ScenarioBlock(blocks.StructBlock):
    """A short, made-up picture of the approach at work. Never a real client's story."""

    who = blocks.CharBlock(
        max_length=120,
        help_text="Who this is about, e.g. “A person working on their own recovery”. "
        "Never a real client: no testimonials.",
    )
    story = blocks.TextBlock(
        max_length=800,
        help_text="A short, made-up story of what the work looks like and what changes. "
        "Three to five sentences. No promises of a cure.",
    )

    class Meta:
        icon = "user"
        label = "Scenario"
        template = "blocks/scenario_block.html"
        help_text = "An example of how this approach can look in practice (made up, never a client)."


def specialty_body_blocks():
    """The shared content blocks plus the specialty-only ones, for SpecialtyPage.body."""
    return common_body_blocks() + [
        ("principles", PrinciplesBlock()),
        ("steps", FrameworkStepsBlock()),
        ("scenario", ScenarioBlock()),
    ]
