"""Spanish demo specialty pages: the index and the three specialties, written in Spanish for this
audience (not translated line by line) with the same facts and sources as demo.py.

The first-person pain points are the visitor's own voice and may use the words a person uses
about themselves ("adicto"); everything else is person-first. The loader
(practice_site/demo_es.py) creates each page as the Spanish translation of the English one."""

from practice_site.demo import callout, cta, faq, quote, section
from practice_site.demo_references import (
    APA_AUD_2018,
    APA_DSM5TR_2022,
    ASAM_ALCOHOL_WITHDRAWAL_2020,
    FDA_BENZODIAZEPINES_2020,
    FELITTI_1998,
    HARI_TED_2015,
    KELLY_2020,
    KRAUS_2018,
    NASEM_2019,
    PART_2,
    SCHWARTZ_2020,
    SIEGEL_BRYSON_2020,
    WHO_ICD11,
)

from .demo import principles, scenario, steps

RIGHT_PLACE_LINK = '<a href="/es/somos-el-lugar-adecuado/">¿Es este el lugar adecuado para usted?</a>'
PAIN_POINT_HEADING = "Quizá esto le suene conocido"

INDEX = {
    "title": "Especialidades",
    "slug": "especialidades",
    "search_description": "Cómo ayudamos a las personas con una adicción y a quienes las quieren.",
    "intro": (
        "<p>Todo lo que hacemos parte de la misma idea: usted no está roto. Para mucha gente, el "
        "hábito que hoy hace daño antes le ayudó a salir adelante. ¿No sabe si somos para usted? "
        f"Lea {RIGHT_PLACE_LINK}</p>"
    ),
}

COMPASSIONATE_APPROACH = {
    "title": "Un enfoque compasivo de la adicción",
    "slug": "enfoque-compasivo",
    "search_description": (
        "Para mucha gente, la adicción empezó como una forma de aguantar el dolor. Usamos la "
        "terapia de Sistemas de la Familia Interna (IFS), junto con atención médica, para sanar "
        "lo que hay debajo."
    ),
    "summary": (
        "Para mucha gente, la adicción empezó como una forma de aguantar el dolor. Con la terapia "
        "IFS recibimos ese dolor con cariño, no con fuerza, y le ayudamos a encontrar otras "
        "formas de salir adelante."
    ),
    "pain_point_heading": PAIN_POINT_HEADING,
    "pain_point": (
        "Siempre me digo que es la última vez. Luego el día se pone difícil y vuelvo a lo "
        "mismo.\n\n"
        "Me dicen que solo me falta fuerza de voluntad. Pero no se siente como una decisión. Es "
        "lo único que calla el ruido que llevo dentro. Hay noches en que pienso que soy un "
        "adicto y que nunca voy a ser otra cosa.\n\n"
        "Estoy cansado de esconderme. Estoy cansado de odiarme por esto. Quiero que alguien "
        "entienda por qué lo hago."
    ),
    "body": [
        section(
            "Su adicción tuvo una razón",
            "<p>La adicción tiene muchas causas, y cada historia es distinta. Pero para mucha "
            "gente empezó como una salida. Cuando el dolor, el miedo o la soledad eran demasiado, "
            "algo le dio alivio y le ayudó a seguir.</p>"
            "<p>Eso no quiere decir que hoy le haga bien. Quiere decir que usted no es débil ni "
            "malo. Una parte de usted encontró cómo sobrevivir, y ha trabajado duro desde "
            "entonces.</p>",
        ),
        section(
            "Conocer sus partes",
            "<p>Usamos la terapia de Sistemas de la Familia Interna, o IFS por sus siglas en "
            "inglés. La creó el psicólogo Richard Schwartz (Schwartz y Sweezy, 2020). La IFS ve la "
            "mente como un grupo de partes. Cada parte tiene sus sentimientos y su tarea.</p>"
            "<ul><li><b>Las partes que protegen</b> quieren cuidarle. Una de ellas puede buscar un "
            "trago, una pantalla o una pastilla cuando lo que siente es muy fuerte.</li>"
            "<li><b>Las partes heridas</b> cargan dolores viejos, como la vergüenza, el miedo o "
            "la tristeza.</li>"
            "<li>Debajo de las partes está lo que la IFS llama el <b>Ser</b>: un centro tranquilo, "
            "curioso y bueno que toda persona tiene.</li></ul>"
            "<p>En terapia no peleamos con la parte que consume. Sentimos curiosidad por ella. ¿De "
            "qué tiene miedo si deja de hacerlo? Cuando una parte que protege se siente entendida, "
            "muchas veces ya no necesita tomar el control.</p>",
        ),
        callout(
            "<p>La IFS es una de las formas en que trabajamos. Todavía hay poca investigación "
            "sobre la IFS para la adicción. Por eso la usamos junto con tratamientos que tienen "
            "mucha evidencia, como los medicamentos para el trastorno por consumo de opioides o "
            "de alcohol (NASEM, 2019; American Psychiatric Association, 2018). Nunca vamos a "
            "usar la vergüenza ni el miedo para que usted cambie.</p>",
            heading="Sin fuerza y sin vergüenza",
        ),
        section(
            "Un camino que ve a la persona entera",
            "<p>Usted es mucho más que su adicción. Tiene una historia, gente que quiere y sus "
            "propios sueños. Por eso miramos todo, no solo el hábito.</p>"
            "<p>Además de la IFS, su tratamiento puede incluir:</p>"
            "<ul><li><b>Medicamentos</b> para el trastorno por consumo de opioides o de alcohol, "
            "con nuestro médico. Para los opioides, son el tratamiento de primera línea y salvan "
            "vidas.</li>"
            "<li><b>Atención plena</b>, para notar los deseos de consumir y lo que siente sin que "
            "le arrastren.</li>"
            "<li><b>Atención informada sobre el trauma</b>, para que usted marque el paso y nunca "
            "tenga que enfrentar más de lo que puede.</li>"
            "<li><b>Comunidad</b>, como grupos de apoyo entre pares y las personas de su vida que "
            "quieren ayudar.</li></ul>"
            "<p>Juntos armamos un plan que le queda a usted y a su vida.</p>",
        ),
        cta(
            "¿Se pregunta si la IFS le puede ayudar?",
            "Llámenos y pregunte. Le contamos cómo es una primera sesión, y usted decide.",
        ),
        section(
            "Recuperar su vida",
            "<p>Sanar lleva tiempo, y casi nunca es en línea recta. Puede pasar que vuelva a "
            "consumir. Es una oportunidad para aprender y ajustar el plan, no para rendirse.</p>"
            "<p>Cuando las heridas viejas sanan, mucha gente siente que el hábito pierde fuerza. "
            "Encuentran otras formas de salir adelante. Vuelven a confiar en sí mismos y en los "
            "demás. No podemos prometer cómo será su camino. Sí podemos prometer acompañarle, con "
            "respeto.</p>",
        ),
        faq(
            "Preguntas sobre este enfoque",
            [
                (
                    "¿Tengo que dejar de consumir antes de empezar?",
                    "<p>No. Mucha gente empieza la terapia cuando todavía consume. Empezamos donde "
                    "usted está. Dejar el alcohol o algunas drogas de golpe, como las "
                    "benzodiacepinas, puede ser peligroso. Si ese es su caso, primero le ayudamos "
                    f"a recibir apoyo médico. Lea {RIGHT_PLACE_LINK}</p>",
                ),
                (
                    "¿Cómo es una sesión de IFS?",
                    "<p>Es una conversación tranquila. Quizá le pidamos notar un sentimiento y "
                    "sentir curiosidad por él, como si conociera una parte de usted. Usted manda, "
                    "y puede hacer una pausa cuando quiera.</p>",
                ),
            ],
        ),
    ],
    "references": [
        SCHWARTZ_2020,
        NASEM_2019,
        APA_AUD_2018,
        ASAM_ALCOHOL_WITHDRAWAL_2020,
        FDA_BENZODIAZEPINES_2020,
    ],
}

INTIMACY_FRAMEWORK = {
    "title": "El marco de adicción e intimidad",
    "slug": "adiccion-e-intimidad",
    "search_description": (
        "Cómo se unen la adicción, el trauma y la intimidad, y tres pasos para sanar con "
        "relaciones seguras y cercanas."
    ),
    "summary": (
        "Para mucha gente, la adicción va de la mano del trauma y de sentirse desconectado. Este "
        "marco pone las relaciones seguras y cercanas en el centro, con tres pasos que puede "
        "empezar a dar con apoyo."
    ),
    "pain_point_heading": PAIN_POINT_HEADING,
    "pain_point": (
        "Puedo estar en un cuarto lleno de gente y sentirme sola. Acercarme a alguien me da "
        "miedo, así que guardo distancia.\n\n"
        "Cuando la soledad pesa, busco lo único que nunca me pide nada. Me ayuda un rato. "
        "Después me siento más aislada que antes.\n\n"
        "Quiero cercanía de verdad. Es que no sé cómo dejar entrar a nadie."
    ),
    "body": [
        section(
            "Sanamos en compañía",
            "<p>La idea central de este marco es sencilla: sanamos con otras personas. La fuerza "
            "de voluntad sola casi nunca basta.</p>"
            "<p>El marco de adicción e intimidad es la forma de trabajar de nuestro equipo. Mira "
            "cómo se unen la adicción, el trauma y la cercanía. Ve la adicción como algo que pasa "
            "entre personas, no solo dentro de una persona. Por eso el trabajo se centra en las "
            "relaciones, también en la que usted tiene consigo mismo.</p>",
        ),
        principles(
            "Lo que cree este marco",
            [
                "La adicción tiene muchas causas. Para mucha gente, una de ellas es un dolor "
                "profundo por un trauma o por heridas en sus relaciones.",
                "El trauma y la falta de conexión están en la raíz de muchas adicciones.",
                "Para que la recuperación dure, hay que cuidar esas raíces, no solo el hábito.",
                "La cercanía y la conexión son una parte clave de sanar.",
            ],
        ),
        steps(
            "Tres pasos hacia la conexión",
            [
                (
                    "Atender el trauma de fondo",
                    "Juntos miramos con cuidado las heridas que alimentan la adicción. Puede ser "
                    "un trauma de la niñez, el abandono, el abuso o pérdidas muy duras. Vamos a un "
                    "paso que a usted le parezca seguro.",
                    "Mirar lo que duele pide valor. No tiene que hacerlo todo de una vez, ni hacerlo solo.",
                    "Dejar de lado el trauma porque «ya pasó». Cuando no se atienden las raíces, "
                    "los viejos hábitos suelen volver.",
                ),
                (
                    "Cultivar la cercanía y la conexión",
                    "Sanar crece en relaciones con respeto, empatía y comprensión. Le ayudamos a "
                    "crear y cuidar esos lazos: con su pareja, su familia, sus amigos o un grupo "
                    "de apoyo.",
                    "Hablar con sinceridad ayuda, aunque al principio incomode. Decir en voz alta un patrón que "
                    "hace daño muchas veces es el primer paso para cambiarlo.",
                    "Relaciones que mantienen la adicción, como cubrir a alguien o quedarse "
                    "callado para no pelear.",
                ),
                (
                    "Cuidarse y tratarse con compasión",
                    "La forma en que usted se trata también importa. Le ayudamos a darse la misma "
                    "paciencia que le daría a un buen amigo.",
                    "Los pequeños hábitos diarios suman: respirar con calma un momento, caminar un "
                    "poco, decirse algo amable después de un día difícil.",
                    "Dejar siempre de lado lo que usted necesita y siente. Andar sin fuerzas hace "
                    "más tentadoras las viejas formas de aguantar.",
                ),
            ],
            intro="Estos pasos se mezclan. La mayoría trabaja en los tres a la vez, a su ritmo.",
        ),
        section(
            "Cómo se puede ver esto",
            "<p>Estos dos ejemplos son inventados. Muestran el tipo de cambio que busca el marco. "
            "El camino de cada persona es distinto.</p>",
        ),
        scenario(
            "Una persona que trabaja en su propia recuperación",
            "Sam lleva años tomando alcohol para pasar las noches solo. Con nuestro médico, Sam "
            "empieza un medicamento que calma las ganas de tomar. En terapia, mira el dolor de "
            "haber crecido en una casa donde nunca hubo seguridad. Poco a poco, Sam busca a un "
            "viejo amigo y entra a un grupo de apoyo. Las ganas de tomar todavía llegan. Pero "
            "ahora tiene a quién llamar.",
        ),
        scenario(
            "Una terapeuta y su cliente",
            "Alex llega a terapia con miedo a que le juzguen. En cambio, la terapeuta escucha, "
            "se mantiene tranquila y sigue ahí semana tras semana. Con el tiempo, la terapia se "
            "vuelve un lugar donde Alex practica hablar con sinceridad y dejarse conocer. Lo que aprende ahí "
            "pasa poco a poco al resto de su vida: a su familia, a sus amigos y a cómo se habla a "
            "sí mismo.",
        ),
        section(
            "De dónde viene el marco",
            "<p>El marco nace de lo que los terapeutas ven una y otra vez. Estudios grandes unen "
            "las experiencias duras de la niñez, como el abuso y el abandono, con más riesgo de "
            "problemas con el consumo de sustancias más tarde (Felitti y otros, 1998). Y el apoyo "
            "de otras personas, como los grupos de pares, ayuda a mucha gente a seguir bien "
            "(Kelly y otros, 2020). El marco pone esas dos ideas en el centro de nuestro "
            "trabajo.</p>"
            "<p>Es una forma de trabajar, no un tratamiento aparte probado en estudios. Lo usamos "
            "junto con tratamientos probados, también con medicamentos cuando hacen falta.</p>",
        ),
    ],
    "references": [FELITTI_1998, KELLY_2020, NASEM_2019, APA_AUD_2018],
}

SEX_ADDICTION_AND_ATTACHMENT = {
    "title": "Adicción sexual y apego",
    "slug": "adiccion-sexual-y-apego",
    "search_description": (
        "Una conducta sexual que se siente fuera de control muchas veces es una búsqueda de "
        "conexión. Qué dicen los manuales de diagnóstico y cómo se unen el apego y la "
        "recuperación en compañía."
    ),
    "summary": (
        "Una conducta sexual que se siente fuera de control muchas veces tiene menos que ver con "
        "el sexo y más con las ganas de sentirse cerca de alguien. Ayudamos a encontrar la "
        "conexión real que un sustituto no puede dar."
    ),
    "pain_point_heading": PAIN_POINT_HEADING,
    "pain_point": (
        "Nadie sabe cuánto tiempo pierdo en esto. Me digo que no le hace daño a nadie. Después me "
        "siento vacío y avergonzado, y juro que voy a parar.\n\n"
        "He tratado de dejarlo solo, una y otra vez. Una parte de mí piensa que soy un adicto al "
        "sexo y que no hay vuelta atrás.\n\n"
        "Lo que de verdad quiero es sentirme cerca de alguien. Pero me da miedo lo que vería."
    ),
    "body": [
        callout(
            "<p>Mucha gente dice «adicción sexual», y por eso también usamos esas palabras. Pero no "
            "es un diagnóstico en el DSM-5-TR, el manual que usan la mayoría de los profesionales "
            "en Estados Unidos (American Psychiatric Association, 2022). La CIE-11 de la "
            "Organización Mundial de la Salud incluye el <i>trastorno por comportamiento sexual "
            "compulsivo</i> (6C72) como un trastorno del control de los impulsos, no como una "
            "adicción (World Health Organization, 2019).</p>",
            heading="Sobre las palabras que usamos",
            tone="note",
        ),
        section(
            "Estamos hechos para conectar",
            "<p>Las personas necesitamos unirnos a otras. Así somos. Cuando nos sentimos seguros "
            "y queridos, nos acercamos a la gente que nos rodea.</p>"
            "<p>Cuando una persona no se siente segura, la necesidad de consuelo no se va. Por "
            "eso algunas personas buscan algo que no les puede fallar de la misma manera: el "
            "teléfono, los juegos, las apuestas, las drogas o la pornografía. No es una falla "
            "moral. Es una forma muy humana de buscar alivio.</p>",
        ),
        section(
            "En el fondo no se trata del sexo",
            "<p>Para muchas personas que vemos, la conducta sexual ocupa el lugar de la cercanía. "
            "A veces la llamamos una relación <i>falsa</i>. Puede parecer más segura que una "
            "persona real, porque no le pide nada y no le puede rechazar.</p>"
            "<p>Si usted creció con gente que no era segura o con la que no podía contar, esto "
            "tiene sentido. Y el sustituto nunca da lo que parece prometer. Mucha gente se siente "
            "más vacía después, y eso muestra que lo que falta es una conexión real.</p>",
        ),
        callout(
            "<p>Una conducta sexual que se siente fuera de control muchas veces trae mucha "
            "vergüenza. La vergüenza le dice a la persona que se esconda, y esconderse empeora la "
            "soledad. Aquí puede hablar de esto sin que nadie le juzgue.</p>",
            heading="La vergüenza nos deja atrapados",
            tone="important",
        ),
        section(
            "La recuperación es «nosotros», no «yo»",
            "<p>Muchas veces se piensa en la recuperación como algo que se hace solo. Nosotros la "
            "construimos con otras personas: con empatía, aceptación, ánimo y relaciones "
            "sanas.</p>"
            "<p>Por eso los grupos de pares y los padrinos ayudan a tanta gente. Le dan a la "
            "persona alguien que contesta el teléfono.</p>",
        ),
        quote(
            "Lo contrario de la adicción no es la sobriedad. Lo contrario de la adicción es la conexión.",
            "Johann Hari (traducción nuestra)",
            source="Everything you think you know about addiction is wrong (charla TED, 2015)",
            source_url="https://www.ted.com/talks/johann_hari_everything_you_think_you_know_about_addiction_is_wrong",
        ),
        section(
            "La conexión como meta",
            "<p>La meta es más que dejar una conducta. Es una cercanía "
            "real y sincera con personas que responden cuando usted las busca. Los autores Daniel "
            "Siegel y Tina Payne Bryson dicen que los niños necesitan que los adultos los vean, "
            "los protejan, los calmen y les den seguridad (Siegel y Bryson, 2020). Los adultos en "
            "recuperación también lo necesitan.</p>",
        ),
        faq(
            "Preguntas frecuentes",
            [
                (
                    "¿La adicción sexual existe de verdad?",
                    "<p>El problema es real, aunque se discute el nombre. La «adicción sexual» no "
                    "es un diagnóstico en el DSM-5-TR. La CIE-11 tiene el <i>trastorno por "
                    "comportamiento sexual compulsivo</i>: un patrón que dura, en el que la persona "
                    "no logra controlar impulsos sexuales fuertes. Le causa mucho malestar o "
                    "problemas en casa, en el trabajo o en otras partes de su vida. El malestar "
                    "que viene solo de juicios morales sobre el sexo no basta para este "
                    "diagnóstico (World Health Organization, 2019; Kraus y otros, 2018).</p>"
                    "<p>Si lo que le preocupa tiene que ver sobre todo con sus valores o su fe, "
                    "igual es bienvenido. Le escuchamos y no le ponemos etiquetas.</p>",
                ),
                (
                    "¿Tengo que dejar el sexo para recuperarme?",
                    "<p>No. Recuperarse no es sentir vergüenza por el sexo. Es tener una relación "
                    "sana y sincera con el sexo y con la gente que quiere. Juntos decidimos de qué "
                    "conductas quiere alejarse.</p>",
                ),
                (
                    "¿Mi pareja puede participar?",
                    "<p>Sí, si los dos lo quieren. Muchas veces la pareja está muy herida y "
                    "necesita su propio apoyo. Podemos hablar de terapia de pareja y de apoyo para "
                    "su pareja.</p>",
                ),
                (
                    "¿Alguien se va a enterar de que vine?",
                    "<p>Lo que cuenta en terapia es privado. La ley federal protege aún más la "
                    "atención por consumo de sustancias (42 CFR Part 2). Hay límites. Debemos "
                    "actuar si alguien corre un peligro grave. La ley también nos pide reportar "
                    "si sospechamos abuso o descuido de un niño, de una persona mayor o de un "
                    "adulto dependiente. Un juez también puede pedir los expedientes. Le "
                    "explicamos todo esto en la primera sesión.</p>",
                ),
            ],
        ),
    ],
    "references": [
        APA_DSM5TR_2022,
        WHO_ICD11,
        KRAUS_2018,
        HARI_TED_2015,
        SIEGEL_BRYSON_2020,
        PART_2,
    ],
}

# English slug of the page each Spanish page translates.
SPECIALTIES = {
    "compassionate-approach-to-addiction": COMPASSIONATE_APPROACH,
    "addiction-and-intimacy-framework": INTIMACY_FRAMEWORK,
    "sex-addiction-and-attachment": SEX_ADDICTION_AND_ATTACHMENT,
}

# The Spanish subjects each specialty's "related articles" match on (English slug: Spanish
# category slugs from blog/demo_es.py, Spanish tags), as SPECIALTY_TOPICS does in English.
SPECIALTY_TOPICS = {
    "compassionate-approach-to-addiction": (["recuperacion"], ["comunidad"]),
    "addiction-and-intimacy-framework": (["sexo-e-intimidad"], ["intimidad"]),
    "sex-addiction-and-attachment": (["sexo-e-intimidad"], ["intimidad", "comunidad"]),
}
