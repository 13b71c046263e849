"""Spanish demo prose for the site-wide pages (Quiénes somos, Costos y seguros, Preguntas y
respuestas, Para familias, Privacidad, ¿Es este el lugar adecuado?).

Written in Spanish for Spanish speakers in the US, not translated line by line: "usted", short
sentences, person-first words ("una persona con una adicción", never "adicto" as a label). Same
facts and same sources as the English pages (demo_pages.py); the references keep their original
titles. Links point to the Spanish pages (/es/...). The practice phone number never appears
here: calls to action render it from PracticeSettings."""

from .demo import callout, cta, faq, section
from .demo_references import (
    APA_AUD_2018,
    APA_DSM5TR_2022,
    ASAM_ALCOHOL_WITHDRAWAL_2020,
    FDA_BENZODIAZEPINES_2020,
    FDA_NALOXONE_2023,
    FINDTREATMENT,
    LIFELINE_988,
    NASEM_2019,
    PART_2,
    POISON_HELP,
    SAMHSA_HELPLINE,
    SCHWARTZ_2020,
    WHO_ICD11,
    ref,
)

# Crisis lines in Spanish, checked against their sources:
# - 988: call and press 2 for Spanish; text AYUDA to 988 for Spanish text support
#   (988 Lifeline, "What to expect", https://988lifeline.org/get-help/what-to-expect/).
# - SAMHSA National Helpline 1-800-662-4357, free, 24/7, English and Spanish; TTY 1-800-487-4889
#   (https://www.samhsa.gov/find-help/helplines/national-helpline).
# - Poison Help 1-800-222-1222, with interpreters (https://poisonhelp.hrsa.gov/).
LIFELINE_988_WHAT_TO_EXPECT = ref(
    "988 Suicide & Crisis Lifeline",
    "s. f.",
    "What to expect when you contact the 988 Lifeline",
    "Vibrant Emotional Health",
    url="https://988lifeline.org/get-help/what-to-expect/",
)

CRISIS_988 = (
    'llame al <a href="tel:988">988</a> y oprima 2 para hablar en español, o envíe la palabra '
    'AYUDA por texto al <a href="sms:988">988</a>'
)
RIGHT_PLACE_LINK = '<a href="/es/somos-el-lugar-adecuado/">¿Es este el lugar adecuado para usted?</a>'
SPANISH_AT_THE_PRACTICE = (
    "<p>Díganos que prefiere hablar en español. Le devolvemos la llamada en español. La Dra. "
    "Naomi Castillo, nuestra directora clínica, atiende en español. Si otro terapeuta es mejor "
    "para usted, le explicamos con calma sus opciones.</p>"
)

ABOUT = {
    "title": "Quiénes somos",
    "slug": "quienes-somos",
    "search_description": (
        "Quiénes somos, qué pensamos sobre la adicción y cómo trabajamos con cada persona y su familia."
    ),
    "summary": (
        "Somos un equipo pequeño de terapeutas. Vemos la adicción como una forma de aguantar el "
        "dolor, no como una falla moral. Ayudamos a sanar con relaciones seguras y sinceras."
    ),
    "body": [
        section(
            "Lo que creemos",
            "<p>Casi nadie empieza a tomar o a usar drogas para arruinar su vida. Lo hace porque "
            "le ayuda, al menos por un tiempo. Calma una pena, un miedo o una noche muy sola.</p>"
            "<p>La adicción tiene muchas causas: los genes, el estrés, la salud mental y el lugar "
            "donde uno vive. Para muchas de las personas que vemos, el trauma y la soledad pesan "
            "mucho. Por eso no tratamos la adicción con vergüenza ni con amenazas. La tratamos con "
            "cariño, con medicina que funciona y con relaciones seguras.</p>",
        ),
        section(
            "Cómo trabajamos",
            "<ul><li><b>Medicamentos cuando ayudan.</b> Nuestro médico puede recetar medicamentos "
            "para el trastorno por consumo de opioides o de alcohol. Para los opioides, son el "
            "tratamiento de primera línea y salvan vidas (NASEM, 2019). Para el alcohol, primero "
            "se usan la naltrexona y el acamprosato (American Psychiatric Association, 2018).</li>"
            "<li><b>Terapia informada sobre el trauma.</b> Vamos a su ritmo. Usted decide de qué "
            "quiere hablar.</li>"
            "<li><b>Sistemas de la Familia Interna (IFS).</b> Es una terapia que creó Richard "
            "Schwartz (Schwartz y Sweezy, 2020). Le ayudamos a conocer la parte de usted que "
            "consume y la parte que sufre, sin juzgar a ninguna.</li>"
            "<li><b>Trabajo con la pareja y la familia.</b> La adicción toca a todos los que están "
            "cerca. Ellos también pueden ser parte de sanar.</li>"
            "<li><b>Comunidad.</b> Le ayudamos a encontrar grupos y personas que entienden. Casi "
            "nadie se recupera solo.</li></ul>",
        ),
        section(
            "A quién atendemos",
            "<p>A adultos con problemas con el alcohol, las drogas, el juego o una conducta sexual "
            "que sienten fuera de control. A parejas y familiares que están preocupados, enojados "
            "o cansados. También a quien todavía no sabe si tiene un problema.</p>"
            "<p>Una nota sobre las palabras. Mucha gente dice «adicción al sexo» o «adicción a la "
            "pornografía». Ninguna de las dos es un diagnóstico en el DSM-5-TR (American "
            "Psychiatric Association, 2022). La CIE-11 de la OMS incluye el <i>trastorno por "
            "comportamiento sexual compulsivo</i> (6C72) entre los trastornos del control de los "
            "impulsos. El malestar que viene solo de juicios morales sobre el sexo no cuenta para "
            "ese diagnóstico (World Health Organization, 2019).</p>",
        ),
        section("Hablamos español", SPANISH_AT_THE_PRACTICE),
        callout(
            "<p>Somos un consultorio para adultos. Usted viene a sus citas y vuelve a su casa. No ofrecemos desintoxicación con "
            "supervisión médica, hospitalización ni atención a menores de 18 años. Si necesita algo "
            "de esto, le ayudamos a encontrarlo y podemos seguir trabajando con usted al mismo "
            f"tiempo. Lea {RIGHT_PLACE_LINK}</p>",
            heading="Lo que no hacemos",
            tone="important",
        ),
        cta("¿Quiere saber si somos para usted?", "Llame y pregunte. Ninguna pregunta está de más."),
    ],
    "references": [NASEM_2019, APA_AUD_2018, SCHWARTZ_2020, APA_DSM5TR_2022, WHO_ICD11],
}

FEES = {
    "title": "Costos y seguros",
    "slug": "costos-y-seguros",
    "search_description": (
        "Cuánto cuestan las sesiones, cómo funciona el seguro, cupos de costo reducido y su "
        "derecho a una Estimación de Buena Fe."
    ),
    "summary": (
        "Precios claros, sin sorpresas. Aquí verá cuánto cuestan las sesiones, cómo usamos su "
        "seguro y su derecho a una Estimación de Buena Fe."
    ),
    "body": [
        section(
            "Lo que cuestan las sesiones",
            "<ul><li>Primera llamada (de 15 a 20 minutos): gratis</li>"
            "<li>Primera sesión de evaluación (75 minutos): $210</li>"
            "<li>Terapia individual (50 minutos): $165</li>"
            "<li>Sesión de pareja o de familia (75 minutos): $210</li></ul>"
            "<p>Tenemos algunos cupos con un costo más bajo para quien los necesite. Pregunte "
            "cuando llame. El dinero no debe ser la razón para quedarse sin ayuda.</p>",
        ),
        section(
            "El seguro médico",
            "<p>Aceptamos varios planes de seguro comunes. Con otros planes, le damos los papeles "
            "para pedir el reembolso fuera de la red. Cuando llame, podemos revisar juntos lo que "
            "cubre su plan antes de la primera sesión. Así sabrá cuánto va a pagar.</p>"
            "<p>Algunas personas prefieren pagar por su cuenta, para que nada pase por su seguro. "
            "Es su decisión. Le explicamos lo bueno y lo malo de cada opción.</p>",
        ),
        callout(
            '<p>Usted tiene derecho a recibir una «Estimación de Buena Fe» (<i lang="en">Good '
            "Faith Estimate</i>) que le diga cuánto costará su atención médica.</p>"
            "<p>La ley pide que los proveedores de salud den este cálculo a los pacientes que no "
            "tienen seguro o que no lo van a usar.</p>"
            "<ul><li>Tiene derecho a una Estimación de Buena Fe del costo total esperado de "
            "cualquier servicio que no sea de emergencia. Incluye costos relacionados, como "
            "pruebas, medicinas, equipo y cargos del hospital.</li>"
            "<li>Pida que se la den por escrito al menos 1 día hábil antes del servicio. También "
            "puede pedirla a cualquier proveedor antes de hacer una cita.</li>"
            "<li>Si recibe una factura de al menos $400 más que su Estimación de Buena Fe, puede "
            "disputar la factura.</li>"
            "<li>Guarde una copia o una foto de su Estimación de Buena Fe.</li></ul>"
            "<p>Si tiene preguntas sobre este derecho, visite "
            '<a href="https://www.cms.gov/nosurprises">www.cms.gov/nosurprises</a> o llame al '
            "1-800-985-3059.</p>",
            heading="Su derecho a una Estimación de Buena Fe",
            tone="important",
        ),
        section(
            "Si no puede venir a una sesión",
            "<p>Sabemos que la vida con una adicción puede ser difícil de organizar. Le pedimos "
            "avisar 24 horas antes si necesita cancelar. Si algo pasa, llámenos y lo resolvemos "
            "juntos.</p>",
        ),
        cta("¿Preguntas sobre el costo?", "Llámenos. Lo hablamos antes de que usted se comprometa a nada."),
    ],
}

FAQ = {
    "title": "Preguntas y respuestas",
    "slug": "preguntas-frecuentes",
    "search_description": (
        "Respuestas a lo que más nos preguntan antes de llamar: privacidad, costo, familia y lo "
        "que pasa después."
    ),
    "summary": "Lo que más nos preguntan antes de dar el primer paso, con respuestas claras.",
    "body": [
        faq(
            "Antes de llamar",
            [
                (
                    "¿Lo que cuente será confidencial?",
                    "<p>Sí, con algunos límites que pone la ley. Las leyes federales (HIPAA y las "
                    "reglas de 42 CFR Part 2 para el tratamiento por consumo de sustancias) "
                    "protegen lo que nos cuenta. Debemos actuar si usted u otra persona corre un "
                    "peligro grave. La ley también nos pide reportar si sospechamos abuso o "
                    "descuido de un niño, de una persona mayor o de un adulto dependiente. En "
                    "algunos casos, un juez puede pedir los expedientes. Le explicamos todo esto "
                    "desde el principio.</p>",
                ),
                (
                    "¿Qué pasa cuando llamo?",
                    "<p>Contesta una persona de nuestro equipo de admisión, o le devuelve la "
                    "llamada en un día hábil. Le preguntará qué está pasando, con los detalles que "
                    "usted quiera dar. Le contestará sobre el costo y las fechas. Si usted quiere, "
                    "le dará una primera cita. Puede colgar cuando quiera.</p>",
                ),
                (
                    "¿Me pueden atender en español?",
                    SPANISH_AT_THE_PRACTICE,
                ),
                (
                    "¿Puedo llamar por un ser querido?",
                    "<p>Sí. Muchas primeras llamadas son de una pareja, una madre, un padre o un "
                    "amigo. Le ayudamos a pensar cómo hablar con esa persona. También tenemos "
                    'sesiones para familiares. Vea nuestra <a href="/es/para-familias/">página para '
                    "familias</a>.</p>",
                ),
                (
                    "¿Aceptan seguro médico?",
                    "<p>Aceptamos varios planes y le ayudamos a pedir el reembolso con otros. "
                    "Podemos revisar su plan con usted antes de la primera sesión. También puede "
                    "pagar por su cuenta. Tenemos cupos de costo más bajo.</p>",
                ),
                (
                    "¿Y si no estoy seguro de querer dejarlo?",
                    "<p>Igual es bienvenido. Mucha gente empieza la terapia con dudas. No le vamos "
                    "a imponer una meta. Le ayudamos a ver con honestidad lo que el hábito le da y "
                    "lo que le quita. Luego usted decide qué sigue.</p>",
                ),
                (
                    "¿Me van a obligar a ir a reuniones?",
                    "<p>No. Los grupos ayudan a mucha gente y quizá le sugiramos alguno. Pero usted "
                    "decide. Hay muchos caminos para recuperarse.</p>",
                ),
                (
                    "¿Me pueden dar medicamentos para los opioides o el alcohol?",
                    "<p>Sí. Nuestro médico puede recetar buprenorfina o naltrexona. También puede "
                    "enviarlo a una clínica de metadona. Para el trastorno por consumo de opioides, "
                    "estos medicamentos son el tratamiento de primera línea y salvan vidas. No "
                    "tiene que estar en terapia para recibirlos (NASEM, 2019).</p>",
                ),
                (
                    "¿Es este el lugar adecuado para usted?",
                    "<p>Somos un consultorio para adultos, no un hospital. Algunas personas necesitan otro "
                    f"tipo de ayuda primero. Lea {RIGHT_PLACE_LINK}</p>",
                ),
                (
                    "¿Tienen sesiones por video?",
                    "<p>Sí, por un servicio de video seguro. Es para personas que viven en los "
                    "estados donde nuestros terapeutas tienen licencia.</p>",
                ),
                (
                    "¿Y si estoy en crisis ahora mismo?",
                    "<p>Si está en peligro, llame al 911. Para hablar con la Línea 988 de "
                    f"Prevención del Suicidio y Crisis, {CRISIS_988}. Atienden a toda hora. "
                    "Nuestro teléfono y nuestro formulario no se revisan de noche.</p>",
                ),
            ],
        ),
        cta("¿Tiene otra pregunta?", "Pregúntenos. La llamada es gratis y no lo compromete a nada."),
    ],
    "references": [PART_2, NASEM_2019, LIFELINE_988, LIFELINE_988_WHAT_TO_EXPECT],
}

FAMILIES = {
    "title": "Pedir ayuda por un ser querido",
    "slug": "para-familias",
    "search_description": (
        "Para parejas, madres, padres y amigos: cómo empezar, qué podemos y qué no podemos "
        "contarle, y apoyo para usted."
    ),
    "summary": (
        "Querer a alguien con una adicción puede dar mucho miedo y hacerle sentir muy solo. "
        "Usted puede pedir ayuda por esa persona, y también para usted."
    ),
    "body": [
        section(
            "Su preocupación es real",
            "<p>Si está leyendo esto, es porque algo le preocupa. Y eso importa. No necesita "
            "pruebas, un diagnóstico ni las palabras exactas para llamar. Podemos escucharle y "
            "pensar juntos qué hacer.</p>",
        ),
        section(
            "Cómo empezar",
            "<ul><li>Busque un momento de calma. No justo después de una pelea, ni cuando su ser "
            "querido esté bajo los efectos del alcohol o de una droga.</li>"
            "<li>Hable de lo que ve y de lo que siente: «Veo que tomas casi todas las noches, y "
            "tengo miedo».</li>"
            "<li>Proponga un paso pequeño: una llamada o una cita.</li>"
            "<li>Puede que haga falta hablar más de una vez. Es normal.</li></ul>",
        ),
        section(
            "Si se trata de su hijo o su hija",
            "<p>Si su hijo tiene 18 años o más, es un adulto ante la ley. Usted puede llamarnos y "
            "contarnos lo que pasa. Su hijo o su hija decide si quiere venir. Muchos jóvenes aceptan una primera "
            "cita cuando sienten que nadie los va a regañar.</p>"
            "<p>Si su hijo es menor de 18 años, no podemos atenderlo aquí. Pero sí podemos "
            "escucharle a usted y ayudarle a buscar un programa para jóvenes. También puede llamar "
            'a la Línea Nacional de Ayuda de SAMHSA, <a href="tel:+18006624357">1-800-662-4357</a>. '
            "Es gratis, atienden en español y a toda hora.</p>",
        ),
        section(
            "Lo que podemos y no podemos contarle",
            "<p>Las personas que atendemos son adultas, y la ley protege su privacidad. Sin un "
            "permiso firmado por su ser querido, no podemos decirle si viene a vernos ni lo que "
            "dice en las sesiones. Pero siempre podemos escucharle. Y usted siempre puede contarnos "
            "lo que sabe.</p>"
            "<p>La privacidad tiene límites que pone la ley. Debemos actuar si alguien corre un "
            "peligro grave. También debemos reportar si sospechamos abuso o descuido de un niño, "
            "de una persona mayor o de un adulto dependiente.</p>"
            "<p>Muchas personas sí firman ese permiso, y algunas invitan a su familia a las "
            "sesiones. Lo animamos cuando es seguro.</p>",
        ),
        section(
            "Apoyo para usted",
            "<p>Puede ver a uno de nuestros terapeutas para usted, aunque su ser querido no esté "
            "listo. Muchas familias cargan años de estrés. Cuidarse no es rendirse.</p>",
        ),
        callout(
            "<p>Si alguien está en peligro, tomó o usó demasiado, o habla de quitarse la vida, "
            f"llame al 911 de inmediato. Para hablar con un consejero, {CRISIS_988}. Si pudo "
            "haber usado opioides, dele naloxona si la tiene.</p>",
            heading="En una emergencia",
            tone="help",
        ),
        cta("Hable con nosotros", "Puede llamar por otra persona. Desde ahí, lo vemos juntos."),
    ],
    "references": [PART_2, FDA_NALOXONE_2023, SAMHSA_HELPLINE, LIFELINE_988_WHAT_TO_EXPECT],
}

PRIVACY = {
    "title": "Privacidad",
    "slug": "privacidad",
    "search_description": (
        "Qué datos pide nuestro formulario, para qué, quién los ve, cuánto tiempo los guardamos "
        "y por qué este sitio no usa rastreadores."
    ),
    "summary": (
        "Pedir ayuda por una adicción es algo privado. Aquí le decimos qué datos pedimos, quién "
        "los ve y cuánto tiempo los guardamos."
    ),
    "body": [
        section(
            "Sin rastreadores ni publicidad",
            "<p>Este sitio no usa programas de análisis, de publicidad ni de redes sociales. No "
            "carga nada desde los servidores de otras empresas. Ninguna empresa con la que "
            "trabajamos sabe qué páginas lee usted. Solo guardamos una pequeña cookie de seguridad "
            "cuando envía el formulario.</p>",
        ),
        section(
            "Si comparte su teléfono o su computadora",
            "<p>Su navegador guarda una lista de las páginas que visita. Si otra persona usa su "
            "teléfono o su computadora, quizá quiera:</p>"
            "<ul><li>Abrir este sitio en una ventana privada (en Chrome se llama «incógnito»; en "
            "Safari y Firefox, «privada»). Al cerrarla, se borran las páginas que vio.</li>"
            "<li>O borrar su historial después de la visita, en la configuración del navegador, "
            "en «Historial» o «Privacidad».</li>"
            "<li>Revisar también su lista de llamadas y sus mensajes, si nos llamó o nos "
            "escribió.</li></ul>"
            "<p>Si cree que alguien revisa su teléfono para controlarle o hacerle daño, la Línea "
            "Nacional sobre la Violencia Doméstica puede ayudarle en español: llame al "
            '<a href="tel:+18007997233">1-800-799-7233</a>.</p>',
        ),
        section(
            "Qué datos pide el formulario",
            "<p>Solo lo necesario para llamarle: su nombre (basta con el nombre de pila o un "
            "apodo), para quién es la ayuda, cómo prefiere que le contactemos, un teléfono o un "
            "correo, si podemos dejar un mensaje de voz, la mejor hora para llamar y, si quiere, "
            "un mensaje corto. Por favor, no escriba nada que todavía no quiera contar.</p>",
        ),
        section(
            "Quién lo ve",
            "<p>Solo nuestro equipo de admisión puede ver los mensajes. Otras personas que "
            "trabajan en este sitio, como los terapeutas que escriben los artículos, no pueden "
            "verlos. Los avisos que recibe nuestro equipo solo dicen que llegó un mensaje nuevo, "
            "nunca lo que dice.</p>",
        ),
        section(
            "Cuánto tiempo lo guardamos",
            "<p>Guardamos los mensajes cifrados. Cuando cerramos una consulta, la borramos al cabo "
            "de un año. Si usted se hace cliente, guardamos su expediente como pide la ley. Puede "
            "llamarnos en cualquier momento para pedir que borremos su mensaje.</p>",
        ),
        callout(
            "<p>El correo electrónico común no es seguro. Por favor, no mande datos de salud por "
            "correo. Mejor llámenos o use el formulario privado.</p>",
            heading="Sobre el correo electrónico",
            tone="important",
        ),
    ],
}

RIGHT_PLACE = {
    "title": "¿Es este el lugar adecuado para usted?",
    "slug": "somos-el-lugar-adecuado",
    "search_description": (
        "Lo que ofrece y lo que no ofrece nuestro consultorio, y adónde ir si necesita otra "
        "cosa: 911, 988, desintoxicación con supervisión médica, FindTreatment.gov, Control de "
        "Envenenamientos y naloxona."
    ),
    "summary": (
        "Somos un consultorio pequeño para adultos, no un hospital. Aquí le decimos en qué podemos ayudar, "
        "en qué no, y adónde ir si necesita otra cosa."
    ),
    "body": [
        callout(
            "<ul><li>Si alguien está en peligro, no despierta o no respira: llame al "
            '<a href="tel:911">911</a>.</li>'
            f"<li>Si piensa en el suicidio o está en una crisis de salud mental: {CRISIS_988}, a "
            "cualquier hora.</li>"
            "<li>Si alguien tragó o usó demasiado de algo, pero está despierto y respira: llame a "
            'Control de Envenenamientos al <a href="tel:+18002221222">1-800-222-1222</a>. Tienen '
            "intérpretes.</li></ul>",
            heading="Ayuda ahora mismo",
            tone="help",
        ),
        section(
            "Lo que ofrecemos",
            "<ul><li>Terapia para adultos (de 18 años en adelante), solos, en pareja o en "
            "familia.</li>"
            "<li>Medicamentos para el trastorno por consumo de opioides o de alcohol, con "
            "nuestro médico.</li>"
            "<li>Ayuda para parejas y familiares, aunque su ser querido no esté listo.</li>"
            "<li>Sesiones cada semana en nuestra oficina o por video seguro, en los estados donde "
            "nuestro equipo tiene licencia.</li></ul>",
        ),
        section(
            "Lo que no ofrecemos",
            "<ul><li>Atención de emergencia o de crisis. No contestamos el teléfono a toda "
            "hora.</li>"
            "<li>Desintoxicación con supervisión médica.</li>"
            "<li>Un lugar donde quedarse: tratamiento residencial o en un hospital.</li>"
            "<li>Atención a niños y jóvenes menores de 18 años.</li></ul>"
            "<p>Si necesita algo de esto, no le cerramos la puerta. Le ayudamos a encontrarlo, y "
            "podemos seguir con usted al mismo tiempo o después.</p>",
        ),
        section(
            "Dejar el alcohol o los calmantes sin riesgo",
            "<p>Dejar el alcohol de golpe, después de tomar mucho todos los días, puede causar "
            "convulsiones y hasta la muerte (American Society of Addiction Medicine, 2020). Lo "
            "mismo pasa si se dejan muy rápido las benzodiacepinas, como el alprazolam (Xanax) o "
            "el clonazepam (Klonopin) (U.S. Food and Drug Administration, 2020).</p>"
            "<p>Por favor, no lo deje por su cuenta. Hable primero con un médico. Quizá necesite "
            "una desintoxicación con supervisión médica: una clínica o un hospital que le da "
            "medicinas y le cuida de cerca por unos días.</p>",
        ),
        section(
            "Dónde buscar otra ayuda",
            "<ul><li><b>FindTreatment.gov</b> le muestra programas de tratamiento cerca de usted, "
            "también de desintoxicación y residenciales. La página se puede leer en español: "
            '<a href="https://findtreatment.gov/">findtreatment.gov</a>.</li>'
            "<li><b>La Línea Nacional de Ayuda de SAMHSA</b>, "
            '<a href="tel:+18006624357">1-800-662-4357</a>: gratis, privada, a toda hora, en '
            "inglés y en español. Le dicen dónde hay ayuda cerca. Para personas sordas o con "
            'problemas de audición (TTY): <a href="tel:+18004874889">1-800-487-4889</a>.</li>'
            "<li><b>¿Tiene menos de 18 años?</b> Hable con su mamá, su papá, un consejero de la "
            'escuela o su médico. También puede llamar al <a href="tel:988">988</a> y oprimir 2 '
            'para hablar en español, o enviar la palabra AYUDA por texto al <a href="sms:988">988</a>, '
            "o llamar a SAMHSA y preguntar por "
            "programas para jóvenes. Los padres pueden buscar programas para jóvenes en "
            "FindTreatment.gov.</li></ul>",
        ),
        section(
            "La naloxona puede revertir una sobredosis de opioides",
            "<p>La naloxona (por ejemplo, Narcan) es un aerosol para la nariz. Puede salvar a "
            "alguien de una sobredosis de opioides. Desde 2023 se vende sin receta, en farmacias "
            "y por internet (U.S. Food and Drug Administration, 2023). Muchos departamentos de "
            "salud y programas de reducción de daños la regalan.</p>"
            "<p>Si alguien pudo tener una sobredosis (no despierta, respira muy lento o no "
            "respira, tiene los labios azules o grises):</p>"
            "<ol><li>Llame al 911.</li>"
            "<li>Ponga la naloxona en una fosa nasal.</li>"
            "<li>Ayúdele a respirar y acuéstelo de lado.</li>"
            "<li>Si no despierta en 2 o 3 minutos, dele otra dosis en la otra fosa nasal.</li>"
            "<li>Quédese con la persona hasta que llegue la ayuda. El efecto puede pasar antes "
            "que el del opioide.</li></ol>"
            "<p>Tenga naloxona a la mano si alguien en su casa usa opioides, aunque sea con "
            "receta.</p>",
        ),
        cta(
            "¿No sabe qué necesita?", "Llámenos. Si no somos lo mejor para usted, le ayudamos a encontrarlo."
        ),
    ],
    "references": [
        ASAM_ALCOHOL_WITHDRAWAL_2020,
        FDA_BENZODIAZEPINES_2020,
        FDA_NALOXONE_2023,
        FINDTREATMENT,
        SAMHSA_HELPLINE,
        LIFELINE_988,
        LIFELINE_988_WHAT_TO_EXPECT,
        POISON_HELP,
    ],
}

# English slug of the page each Spanish page translates.
STANDARD_PAGES = {
    "about": ABOUT,
    "fees-and-insurance": FEES,
    "faq": FAQ,
    "for-families": FAMILIES,
    "privacy": PRIVACY,
    "is-this-the-right-place": RIGHT_PLACE,
}
