"""The sample collaborative's Spanish: the shared framework's Spanish versions, and what Nuestra Casa, the team
that works in Spanish, typed. Read by ``generate.py``; lists keep the length of their English twins, so the
same random choices pick the same entries."""

AIM = ("Para diciembre de 2026, ningún programa participante tendrá salidas anticipadas ni suspensiones por "
       "conducta difícil durante 3 meses consecutivos, y al menos el 70% de las rutinas observadas incluirán "
       "comentarios positivos descriptivos, para todos los niños y niñas y en especial para quienes más a menudo "
       "quedan excluidos.")

PHASES = {
    "pre-work": "Trabajo previo", "ls1": "Sesión de aprendizaje 1", "ap1": "Período de acción 1",
    "ls2": "Sesión de aprendizaje 2", "ap2": "Período de acción 2", "ls3": "Sesión de aprendizaje 3",
    "ap3": "Período de acción 3", "ls4": "Sesión de aprendizaje 4", "ap4": "Período de acción 4",
    "summative": "Sesión final: documentar los resultados",
}

RETIRED_MEASURE = dict(   # dropped at Learning Session 2; its data is still shown
    name_es="Minutos de círculo en grupo grande",
    operational_definition_es="Duración promedio del círculo en grupo grande en tres días observados.")

MEASURES = {
    "positive-feedback": dict(
        name_es="Rutinas con comentarios positivos descriptivos",
        operational_definition_es=(
            "Cada mes, una coach o una colega observa durante 10 minutos una muestra de rutinas del salón (llegada, "
            "círculo, comidas, transiciones, juego al aire libre). Una rutina cuenta cuando la maestra o el maestro "
            "hace al menos 4 comentarios positivos descriptivos (por ejemplo: “Esperaste tu turno: eso es ser "
            "buen amigo”)."),
        numerator_es="Rutinas observadas con 4 o más comentarios positivos descriptivos",
        denominator_es="Rutinas observadas ese mes"),
    "send-homes": dict(
        name_es="Salidas anticipadas y suspensiones por conducta difícil",
        operational_definition_es=(
            "Número de veces al mes que un niño o una niña fue enviado a casa antes de tiempo, se pidió que se "
            "quedara en casa, fue suspendido o dado de baja por su conducta, según el registro de incidentes del "
            "programa. Incluye las exclusiones “suaves”, como una llamada para pedir a la familia que lo recoja "
            "antes.")),
    "family-notes": dict(
        name_es="Familias que recibieron una nota positiva esta semana",
        operational_definition_es=(
            "Proporción de familias inscritas que recibieron al menos una nota positiva y concreta sobre su hijo o "
            "hija (en papel, por mensaje de texto o por la aplicación, en el idioma de la familia) en la semana que "
            "empieza el lunes."),
        numerator_es="Familias que recibieron al menos una nota positiva esa semana",
        denominator_es="Familias inscritas esa semana"),
    "visual-schedules": dict(
        name_es="Salones que usan un horario visual",
        operational_definition_es=(
            "Proporción de salones (o de hogares de cuidado infantil familiar) donde, en una revisión el primer "
            "martes del mes, hay un horario con imágenes a la altura de los ojos de los niños Y la maestra o el "
            "maestro lo menciona al menos una vez durante una transición."),
        numerator_es="Salones que cumplen las dos partes de la definición",
        denominator_es="Salones revisados"),
    "staff-stress": dict(
        name_es="Nivel promedio de estrés de las maestras y los maestros",
        operational_definition_es=(
            "Promedio de las respuestas del personal docente a “¿Qué tan estresante fue su trabajo este mes?” "
            "(1 = nada, 5 = muchísimo), en la encuesta mensual anónima. Se observa para que las nuevas rutinas no "
            "sobrecarguen al personal docente.")),
    "send-home-days": dict(
        name_es="Días entre salidas anticipadas",
        operational_definition_es=(
            "La fecha de cada salida anticipada, suspensión o baja por conducta (las mismas que cuenta la medida "
            "mensual), según el registro de incidentes. La gráfica muestra los días entre una y la siguiente: "
            "cuantos más, mejor, y nuestro objetivo es que no haya ninguna.")),
    "classroom-interactions": dict(
        name_es="Puntuación de interacciones en el salón, cada observación",
        operational_definition_es=(
            "Cada observación del salón de este mes, con puntuación de 1 a 7 en los puntos de apoyo emocional del "
            "instrumento de observación del programa. Varias observaciones al mes; la gráfica muestra su promedio "
            "y cuánto varían.")),
}

DRIVERS = {
    "relationships": "Relaciones afectuosas y atentas con los niños, las familias y los colegas",
    "environments": "Ambientes de salón de alta calidad que brindan apoyo",
    "targeted-supports": "Apoyos socioemocionales específicos para los niños que los necesitan",
    "equity": "Una práctica equitativa y culturalmente receptiva que pone al centro la voz de las familias",
    "leadership": "Liderazgo en todo el programa, uso de datos y bienestar del personal",
    "positive-feedback-practice": "El personal docente hace comentarios positivos descriptivos con frecuencia",
    "family-partnerships": "Alianzas de ida y vuelta con las familias que honran su cultura e idioma",
    "predictable-routines": "Horarios, rutinas y transiciones predecibles",
    "taught-expectations": "Expectativas de conducta claras, que se enseñan y se reconocen",
    "emotional-literacy": "Los niños aprenden a hacer amigos, palabras de sentimientos y a resolver problemas",
    "individual-plans": "Planes de apoyo individuales para niños con conducta difícil persistente",
    "bias-aware-data": "Revisar los datos de disciplina por raza, etnia, idioma y discapacidad",
    "alternatives-to-exclusion": "Una política del programa que reemplaza la exclusión con apoyo",
    "reflective-supervision": "Supervisión reflexiva y apoyos para el bienestar del personal",
    "leadership-team-data": "Un equipo de liderazgo que usa los datos cada mes para tomar decisiones",
}

IDEAS = {
    "five-to-one": "Cinco comentarios positivos por cada corrección",
    "feedback-cue-cards": "Tarjetas de apoyo en la pared para cada rutina",
    "positive-notes-home": "Notas positivas a casa cada semana",
    "home-language-notes": "Notas y letreros en el idioma de cada familia",
    "family-cafe": "Café mensual para familias, dirigido junto con madres y padres",
    "visual-schedules": "Un horario visual en cada salón",
    "transition-songs": "Avisos de transición con una canción o un temporizador",
    "three-expectations": "Tres expectativas para todo el programa, enseñadas con imágenes",
    "feeling-word": "Una palabra de sentimientos por semana en el círculo",
    "solution-kit": "Caja de soluciones para resolver problemas entre niños",
    "super-friend": "Súper amigo del día",
    "support-plan-10-days": "Un plan de apoyo de conducta dentro de los 10 días después de un segundo incidente",
    "incident-review": "Revisión mensual de los informes de incidentes por subgrupo de niños",
    "huddle-before-send-home": "Ninguna salida anticipada sin una reunión breve del equipo antes",
    "reflective-check-ins": "Supervisión reflexiva cada dos semanas",
    "wellness-minute": "Un minuto de bienestar en cada reunión breve del personal",
    "data-wall": "Un mural de gráficas de serie temporal en la sala del personal",
}

# ---- what Nuestra Casa typed, in Spanish ---------------------------------------------------------

TEAM_AIM = ("Para noviembre de 2026, Nuestra Casa no tendrá ninguna salida anticipada durante 3 meses seguidos, y "
            "el 70% de las rutinas observadas incluirán comentarios positivos descriptivos.")
LOCAL_IDEAS = {"nc-bilingual-song-cards": "Tarjetas de canciones bilingües para las transiciones"}

RAMPS = {
    "home-language-notes": [
        ("Letreros bilingües y tarjetas de canciones para las transiciones", "2 hogares, 1 mes",
         "Usar tarjetas con imágenes en español y en inglés para que todos los niños sigan las transiciones.",
         "Los niños que hablan español en casa se unirán a las transiciones sin ayuda extra.",
         "Funcionó bien; una proveedora pidió tarjetas con menos palabras.", "adapt"),
    ],
    "positive-notes-home": [
        ("Dos notas positivas a casa por semana, dos maestras", "2 maestras, 2 semanas",
         "Ver si las maestras pueden incluir dos notas positivas y concretas por semana en su rutina.",
         "Las maestras lograrán 2 notas por semana y 3 familias responderán.",
         "Una maestra lo logró; a la otra le faltó tiempo a la hora de la salida. ¡Respondieron cinco familias!",
         "adapt"),
        ("Notas en el idioma de la familia por la aplicación", "todas las maestras, 1 mes",
         "Usar la traducción de la aplicación y una tarjeta con frases para empezar.",
         "Al menos el 60% de las familias recibirán una nota cada semana.",
         "Llegamos al 71% de las familias en la semana 4; las familias que hablan español y árabe respondieron "
         "más.", "adopt"),
    ],
    "reflective-check-ins": [
        ("Reunión de la directora con cada maestra principal cada dos semanas", "2 maestras, 1 mes",
         "Dar a las maestras principales un tiempo protegido para reflexionar sobre los momentos difíciles.",
         "Las maestras calificarán su estrés medio punto más bajo.",
         "A las maestras les sirvió, pero las reuniones se cancelaron dos veces por falta de cobertura.", "adapt"),
        ("Supervisión reflexiva en grupo en la reunión del personal", "todo el personal, 2 meses",
         "Pasar la reflexión a la reunión del personal que ya existe, para no necesitar cobertura.",
         "Asistencia de más del 80% y calificaciones de estrés más bajas.",
         "Asistencia del 90%; la calificación de estrés bajó de 3.6 a 3.1.", "adopt"),
    ],
}
CYCLE_TEXT = dict(
    questions="¿Funcionará en nuestro programa? ¿Qué se interpondrá?",
    plan_who="{teacher} dirige; {admin} apoya",
    data_collection="Hoja de conteo en una tablilla junto a la puerta; la coach la revisa al final de la semana.",
    do_notes="Se hizo según el plan, salvo un día que faltó por una excursión.",
    next_steps="Planear el siguiente ciclo, más grande.",
)

HIGHLIGHTS = [
    "Las maestras notaron transiciones más tranquilas después del almuerzo.",
    "Dos familias vinieron por primera vez a nuestra reunión de equipo.",
    "Nuestro mural de datos está en la sala del personal; las maestras lo revisan en las reuniones breves.",
    "Una mamá sugirió una canción de bienvenida a la llegada y la probamos al día siguiente.",
    "Los niños usan palabras de sentimientos mientras juegan con bloques: “¡Estoy frustrado!”",
    "Menos llamadas a casa este mes, y la directora anotó cada una.",
    "Terminamos nuestra primera rampa completa de ciclos PDSA y adoptamos el cambio.",
]
BARRIERS = [
    "Rotación de personal: perdimos a una asistente y la cobertura está justa.",
    "La temporada de gripe trajo muchas ausencias; se observaron menos rutinas.",
    "Es difícil encontrar una hora de reunión que les sirva a las familias que trabajan.",
    "El formulario de observación es largo; ayudaría que tomara menos de 5 minutos.",
    "Las suplentes todavía no conocen nuestras rutinas.",
]
SUPPORT = [
    "¿Podría la coach venir a mostrar cómo hacer comentarios positivos descriptivos?",
    "Por favor, traducción al árabe de las plantillas de notas para las familias.",
    "Ayuda para leer nuestra gráfica: ¿es un desplazamiento o solo ruido?",
    None,
]
MEASURES_STATUS = ("Anotamos las cinco medidas.", "La encuesta de estrés no se hizo este mes.")
TEAM_RATIONALE = "Probamos cambios y nuestra gráfica se está moviendo."
FACULTY_RATIONALE = "Sigan así: vinculen cada ciclo PDSA con la medida que debería mover."
