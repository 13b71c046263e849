"""Spanish demo articles, and the Spanish versions of the clinicians' profiles and the
categories (original Spanish prose, same facts and sources as demo.py).

The loader (practice_site/demo_es.py) makes each one the Spanish translation of the English
object, so /es/blog/author/<slug>/ shows the same clinician."""

from practice_site.demo import callout, quote, section
from practice_site.demo_references import (
    ALEXANDER_1978,
    ALEXANDER_1981,
    ALEXANDER_2008,
    APA_AUD_2018,
    FDA_NALOXONE_2023,
    FELITTI_1998,
    HARI_2015,
    HARI_TED_2015,
    KELLY_2020,
    LIFELINE_988,
    NASEM_2019,
    PETRIE_1996,
    SORDO_2017,
    WEEKS_1962,
    WEISS_2018,
)

INDEX = {
    "title": "Blog",
    "slug": "blog",
    "search_description": "Lo que escribe nuestro equipo sobre la adicción, la pareja, la familia y cómo sanar.",
    "intro": (
        "<p>Aquí le contamos lo que vemos cada día. Son textos cortos y claros. Hablan de la "
        "adicción, la familia y cómo sanar. Los escribe nuestro equipo.</p>"
    ),
}

# English author slug: the fields written in Spanish (the name, slug, license number and
# account stay the clinician's own).
AUTHORS = {
    "dana-whitfield": {
        "degree": "Maestría en Trabajo Social (MSW)",
        "license_type": "Trabajadora social clínica con licencia (LCSW)",
        "license_states": "Oregón",
        "training": "Terapeuta certificada en adicción sexual (CSAT)\nIFS Nivel 1 (IFS Institute)",
        "languages": "Inglés",
        "bio": (
            "Dana es trabajadora social clínica con licencia y terapeuta certificada en adicción "
            "sexual. Atiende a adultos cuya conducta sexual o consumo de sustancias les está "
            "costando las relaciones que más quieren, y también a sus parejas. Lleva más de diez "
            "años guiando grupos de recuperación en la consulta."
        ),
    },
    "marcus-hale": {
        "degree": "Doctor en Medicina (MD)",
        "license_type": "Médico (MD), certificado en medicina de las adicciones",
        "license_states": "Oregón, Washington",
        "training": "Certificado en medicina de las adicciones (American Board of Preventive Medicine)",
        "languages": "Inglés",
        "bio": (
            "El Dr. Hale es médico, certificado en medicina de las adicciones. Se ocupa de la parte "
            "médica del tratamiento. Eso incluye los medicamentos para el trastorno por consumo de "
            "opioides o de alcohol, que puede empezar en la primera cita. Trabaja de cerca con el "
            "terapeuta de cada persona."
        ),
    },
    "naomi-castillo": {
        "degree": "Doctora en Medicina (MD)",
        "license_type": "Médica (MD), psiquiatra, certificada en psiquiatría de las adicciones",
        "license_states": "Oregón",
        "training": "Certificada en psiquiatría y en psiquiatría de las adicciones\nIFS Nivel 1 (IFS Institute)",
        "languages": "Inglés, español",
        "bio": (
            "La Dra. Castillo es nuestra directora clínica. Es psiquiatra y trata la adicción junto "
            "con la depresión, la ansiedad y el trauma. Atiende en inglés y en español. Revisa cada "
            "página de salud de este sitio antes de publicarla, y otra vez al menos una vez al año."
        ),
    },
}

# English category slug: (Spanish slug, name, description).
CATEGORIES = {
    "sex-and-intimacy": (
        "sexo-e-intimidad",
        "Sexo e intimidad",
        "La conducta sexual, la intimidad y la confianza: cómo las afecta la adicción y cómo sanan.",
    ),
    "recovery": (
        "recuperacion",
        "Recuperación",
        "Cómo es la recuperación, qué ayuda y qué esperar en el camino.",
    ),
    "family-and-relationships": (
        "familia-y-relaciones",
        "Familia y relaciones",
        "Para parejas, padres y amigos de alguien que consume, y para parejas en recuperación.",
    ),
}

COMMUNITY_BODY = [
    section(
        "Alivio, no placer",
        "<p>Mucha gente se imagina que la adicción es buscar sentirse bien. Eso no es lo que nos "
        "cuenta la mayoría. Lo que cuentan es alivio. Un trago o una pastilla bajan un rato el "
        "estrés, la tristeza o el miedo. Una pantalla llena una noche de soledad.</p>"
        "<p>Por eso cuesta tanto cumplir la promesa de dejarlo. La persona lo dice en serio. "
        "Pero cuando vuelven los sentimientos duros, el viejo hábito es lo único que siempre los "
        "calmó, aunque sea por una hora. Sigue teniendo fuerza, aunque le cueste la salud, el "
        "dinero, el trabajo y el amor.</p>",
    ),
    section(
        "La adicción y la cercanía",
        "<p>La adicción tiene muchas raíces. Los genes, el estrés, la salud mental, la gente que "
        "nos rodea y lo fácil que es conseguir una droga, todo cuenta. Para mucha gente que "
        "vemos, las heridas de la niñez son una de esas raíces. Estudios grandes unen las "
        "experiencias duras de la niñez con más riesgo de problemas con el consumo de sustancias "
        "en la vida adulta (Felitti y otros, 1998).</p>"
        "<p>Si quienes debían cuidarle le hicieron daño o se fueron, acercarse a otros puede dar "
        "miedo. Una botella o una pantalla no le juzgan ni se van. El terapeuta Robert Weiss ve "
        "la adicción, en parte, como un problema de intimidad: de dejar que otras personas se "
        "acerquen lo bastante para ayudar (Weiss, 2018). Esta idea no reemplaza la atención "
        "médica. Le suma una meta: además de consumir menos o dejarlo, crear lazos firmes y "
        "seguros que den consuelo de verdad.</p>",
    ),
    section(
        "Lo que encontraron los experimentos de Rat Park",
        "<p>En los años sesenta, los científicos lograron que una rata de laboratorio se diera "
        "una droga ella misma. La droga pasaba por un tubo fino a una vena cuando la rata "
        "apretaba una palanca (Weeks, 1962). En estudios así, las ratas solían vivir solas en "
        "jaulas chicas, y muchas tomaban mucha droga. Algunos vieron en eso la prueba de que la "
        "droga sola causa la adicción.</p>"
        "<p>Bruce Alexander, psicólogo de la Universidad Simon Fraser, cerca de Vancouver, se "
        "preguntó por la jaula. De 1978 a 1981, él y su equipo hicieron nuevas pruebas. Algunas "
        "ratas vivían solas en jaulas comunes. Otras vivían juntas en un espacio grande, con lugar "
        "para explorar y otras ratas para convivir. El equipo lo llamó Rat Park, «el parque de "
        "las ratas». Cada rata podía elegir entre dos botellas: agua sola, o agua dulce con "
        "morfina. Las ratas de Rat Park tomaron mucho menos agua con morfina que las ratas que "
        "vivían solas (Alexander y otros, 1978, 1981).</p>",
    ),
    callout(
        "<p>Rat Park es un grupo pequeño de estudios, y en ratas. Otros laboratorios no siempre "
        "encontraron lo mismo (Petrie, 1996). El mismo Alexander escribió que hay que leer estos "
        "resultados con cuidado (Alexander, 2008). No prueba que la soledad cause la adicción. "
        "Pero coincide con lo que vemos cada día: mucha gente consume más cuando se siente sola, "
        "y menos cuando se siente conectada.</p>",
        heading="Una nota sobre la investigación",
        tone="note",
    ),
    quote(
        "Lo contrario de la adicción no es la sobriedad. Lo contrario de la adicción es la conexión.",
        "Johann Hari (traducción nuestra)",
        source="Everything you think you know about addiction is wrong (charla TED, 2015)",
        source_url="https://www.ted.com/talks/johann_hari_everything_you_think_you_know_about_addiction_is_wrong",
    ),
    section(
        "Las personas necesitamos más que una jaula más grande",
        "<p>Las personas no somos ratas. Si usted aprendió que acercarse a otros termina en dolor, "
        "un cuarto lleno de gente amable le puede seguir pareciendo inseguro. La confianza crece "
        "poco a poco.</p>"
        "<p>Una buena atención deja lugar para eso. La terapia le da a la persona una relación "
        "estable para practicar. Los grupos de pares suman gente que entiende desde adentro. Para "
        "el trastorno por consumo de alcohol, hay buena evidencia de que los grupos de 12 pasos "
        "ayudan a mucha gente a dejar de tomar (Kelly y otros, 2020). Con el tiempo, muchas "
        "personas descubren que pueden llamar a su pareja, a un amigo o a su padrino en una noche "
        "difícil.</p>",
    ),
    section(
        "Sanamos con otras personas",
        "<p>La vergüenza y las amenazas casi nunca traen un cambio que dure. El apoyo muchas veces "
        "sí. La recuperación es lenta, y volver a consumir en el camino es común. Es una razón "
        "para ajustar el plan, no para rendirse.</p>"
        "<p>Si usted se ve en este artículo, no tiene que arreglarlo todo de una vez. Puede empezar "
        "con una conversación.</p>",
    ),
]

HEALING_BODY = [
    section(
        "Muchos caminos para recuperarse",
        "<p>Las personas se recuperan de la adicción de muchas formas. Algunas usan "
        "medicamentos. Otras van a un grupo de pares. Otras trabajan con un terapeuta, y muchas "
        "hacen las tres cosas. No hay un solo camino correcto, y no tiene que elegir solo uno.</p>"
        "<p>Lo que sí vemos una y otra vez es que casi nadie se recupera solo. En algún momento, "
        "la mayoría encuentra al menos a una persona que le entiende. Muchas veces es alguien que "
        "pasó por lo mismo.</p>",
    ),
    section(
        "Solo en medio de una vida llena",
        "<p>Mucha gente que viene a vernos tiene trabajo, familia y una agenda llena. Desde afuera "
        "parecen rodeados de gente. Por dentro, muchos sienten que nadie los conoce de verdad, o "
        "que nadie se quedaría si los conociera.</p>"
        "<p>Esa soledad escondida puede traer desesperanza y una voz interior muy dura. Esos "
        "sentimientos pueden empujar a la persona a volver a consumir, y eso aumenta la soledad. "
        "Romper ese círculo es una gran parte de nuestro trabajo.</p>",
    ),
    section(
        "Los medicamentos salvan vidas",
        "<p>Para el trastorno por consumo de opioides, los medicamentos son el tratamiento de "
        "primera línea. La buprenorfina y la metadona calman las ganas de consumir y los síntomas "
        "de abstinencia. Estudios grandes muestran que bajan el riesgo de morir más o menos a la "
        "mitad (NASEM, 2019; Sordo y otros, 2017). La naltrexona de acción prolongada es otra "
        "opción. Nunca se deben negar estos medicamentos porque alguien no está en terapia "
        "(NASEM, 2019).</p>"
        "<p>Para el trastorno por consumo de alcohol, los primeros medicamentos a considerar son "
        "la naltrexona y el acamprosato (American Psychiatric Association, 2018). Otros pueden "
        "ayudar a algunas personas. Su médico le puede decir cuáles le convienen.</p>"
        "<p>Nuestro médico puede empezar el medicamento en su primera cita. La terapia y el apoyo "
        "de pares funcionan bien junto con él. No tiene que elegir entre una cosa y otra.</p>",
    ),
    callout(
        "<p>Hable con un médico antes de empezar, cambiar o dejar cualquier medicina. Dejar de "
        "golpe algunas medicinas, o el alcohol, puede ser peligroso.</p>",
        heading="Primero hable con su médico",
        tone="important",
    ),
    section(
        "Las relaciones lo sostienen todo",
        "<p>Ofrecemos muchos tipos de ayuda: terapia individual y de grupo, sesiones con la "
        "familia, medicamentos y contacto con grupos de apoyo. Lo que une todo eso es una relación "
        "firme y sincera con las personas que le cuidan.</p>"
        "<p>Recuperarse es posible. Casi nunca es rápido, y casi nunca se logra solo.</p>",
    ),
]

FAMILY_BODY = [
    section(
        "Es normal que esté preocupado",
        "<p>Preocuparse por lo que toma, consume o hace un ser querido cansa mucho. Puede sentir "
        "enojo, miedo y culpa en un mismo día. Quizá se pregunte si usted tuvo la culpa, o si está "
        "exagerando. Lo que siente importa, y usted también merece apoyo.</p>",
    ),
    section(
        "Por dónde empezar",
        "<ul><li><b>Infórmese un poco.</b> La adicción es un problema de salud, no una decisión "
        "para hacerle daño a usted.</li><li><b>Elija un momento de calma.</b> Hablen cuando "
        "ninguno de los dos esté alterado ni bajo los efectos de nada. Diga lo que ha visto y lo "
        "que siente, sin etiquetas.</li>"
        "<li><b>Ponga límites que pueda cumplir.</b> Decida qué va a hacer y qué no, por ejemplo, "
        "no dar excusas en su trabajo por él o por ella. Cúmplalo con cariño.</li>"
        "<li><b>Busque su propio apoyo.</b> Un terapeuta o un grupo para familias le ayuda a "
        "mantenerse firme, decida lo que decida su ser querido.</li><li><b>Tenga naloxona en "
        "casa</b> si alguien en su casa usa opioides. Puede revertir una sobredosis, y se compra "
        "sin receta (U.S. Food and Drug Administration, 2023).</li></ul>",
    ),
    callout(
        "<p>Si alguien pudo tener una sobredosis, o puede hacerse daño o hacerle daño a otros, "
        "llame al 911 ahora. En una crisis de salud mental, llame al 988 y oprima 2 para hablar en "
        "español, o envíe AYUDA por texto al 988.</p>",
        heading="En una emergencia",
        tone="help",
    ),
    section(
        "La cercanía ayuda más que la presión",
        "<p>La vergüenza y las amenazas suelen hacer que la persona se esconda más. Quedarse "
        "cerca, y ser claro con sus límites, deja la puerta abierta. Mucha gente empieza un "
        "tratamiento porque alguien que la quería se quedó a su lado y la siguió invitando.</p>",
    ),
]

# English article slug: the Spanish fields; `categories` and `tags` are Spanish (the categories
# by their Spanish slugs above; tags without accents, as /blog/tag/<slug>/ takes ASCII slugs).
# Authors and dates stay the English article's.
ARTICLES = {
    "healing-happens-in-community": {
        "slug": "sanar-en-comunidad",
        "title": "Sanamos en comunidad",
        "standfirst": (
            "La mayoría de las personas que vemos consume para sentir alivio, no placer. "
            "La investigación, como los estudios de Rat Park de Bruce Alexander, y nuestro trabajo "
            "muestran que la conexión segura es clave para un cambio que dure."
        ),
        "search_description": (
            "Cómo se unen la adicción y la cercanía, qué mostraron y qué no los experimentos de "
            "Rat Park de Bruce Alexander, y cómo sanamos con otras personas."
        ),
        "body": COMMUNITY_BODY,
        "references": [
            FELITTI_1998,
            WEISS_2018,
            WEEKS_1962,
            ALEXANDER_1978,
            ALEXANDER_1981,
            PETRIE_1996,
            ALEXANDER_2008,
            HARI_TED_2015,
            HARI_2015,
            KELLY_2020,
        ],
        "categories": ["sexo-e-intimidad", "recuperacion"],
        "tags": ["comunidad", "intimidad", "ciencia"],
    },
    "recovery-is-possible-healing-relationships": {
        "slug": "la-recuperacion-es-posible",
        "title": "Recuperarse es posible: el poder de las relaciones que sanan",
        "standfirst": (
            "Las personas se recuperan de muchas formas. Los medicamentos salvan vidas, y las "
            "relaciones firmes y sinceras ayudan a seguir adelante."
        ),
        "search_description": (
            "Por qué las relaciones importan en la recuperación, y por qué los medicamentos para el "
            "trastorno por consumo de opioides o de alcohol son el tratamiento de primera línea."
        ),
        "body": HEALING_BODY,
        "references": [NASEM_2019, SORDO_2017, APA_AUD_2018, KELLY_2020],
        "categories": ["recuperacion"],
        "tags": ["comunidad", "medicamentos", "apoyo entre pares"],
    },
    "when-someone-you-love-is-using": {
        "slug": "cuando-un-ser-querido-consume",
        "title": "Cuando un ser querido consume: por dónde empezar",
        "standfirst": (
            "¿Le preocupa su pareja, su hijo, su hija o un amigo? Unos primeros pasos con calma "
            "pueden ayudarles a los dos, decida lo que decida esa persona."
        ),
        "search_description": (
            "Primeros pasos para parejas, padres y amigos de alguien que consume: cómo hablar, "
            "poner límites y buscar apoyo para usted."
        ),
        "body": FAMILY_BODY,
        "references": [FDA_NALOXONE_2023, LIFELINE_988],
        "categories": ["familia-y-relaciones"],
        "tags": ["familias", "comunidad"],
    },
}
