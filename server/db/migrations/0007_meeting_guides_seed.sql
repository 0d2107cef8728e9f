-- "What to expect" guides the organization starts with, in English and Spanish. Written for Kinship;
-- admins edit or replace them in Admin → Guides. ON CONFLICT keeps an edited guide as the admin left it.
INSERT INTO "meeting_guides" ("slug", "language", "title", "fellowship", "type_code", "body") VALUES
('first-meeting', 'en', 'Your first meeting', NULL, NULL,
'Feeling nervous before a first meeting is normal. Almost everyone in the room once walked in for the first time too.

You can arrive a few minutes early, sit anywhere, and simply listen. Nobody has to speak, and nobody will ask you to explain why you came. If you are asked to introduce yourself, your first name is enough, or you can say "I''m just listening today."

Meetings usually last about an hour. Someone leads, people take turns sharing their experience, and there may be a short reading. A basket may go round for voluntary contributions: newcomers are never expected to give.

What is said in the room stays in the room. If the first meeting does not feel right, try another: each group has its own feel.'),
('first-meeting-es', 'es', 'Tu primera reunión', NULL, NULL,
'Es normal sentir nervios antes de la primera reunión. Casi todas las personas presentes también llegaron alguna vez por primera vez.

Puedes llegar unos minutos antes, sentarte donde quieras y solo escuchar. Nadie está obligado a hablar y nadie te pedirá que expliques por qué viniste. Si te piden presentarte, basta con tu nombre, o puedes decir «Hoy solo vengo a escuchar».

Las reuniones suelen durar alrededor de una hora. Alguien coordina, las personas se turnan para compartir su experiencia y a veces hay una lectura breve. Puede pasar una canasta para aportes voluntarios: a quien llega por primera vez nunca se le pide dar nada.

Lo que se dice en la sala se queda en la sala. Si la primera reunión no te convence, prueba otra: cada grupo tiene su propio ambiente.'),
('open-meeting', 'en', 'Open meetings', NULL, 'O',
'An open meeting welcomes anyone: people in recovery, people who are curious, family members, friends, students.

You do not need to say anything about yourself or your situation. Many people bring someone they trust to their first open meeting, and that is perfectly fine.

Because guests may attend, people often share a little less personal detail than in a closed meeting. Everything you hear is still kept private.'),
('open-meeting-es', 'es', 'Reuniones abiertas', NULL, 'O',
'Una reunión abierta recibe a cualquier persona: quienes están en recuperación, quienes sienten curiosidad, familiares, amistades, estudiantes.

No necesitas contar nada sobre ti ni sobre tu situación. Mucha gente va a su primera reunión abierta con alguien de confianza, y eso está muy bien.

Como puede haber visitantes, a veces las personas comparten algo menos de detalle personal que en una reunión cerrada. Aun así, todo lo que escuches se mantiene en privado.'),
('closed-meeting', 'en', 'Closed meetings', NULL, 'C',
'A closed meeting is for people who have a problem with the substance or behaviour the group is about, or who think they might. You do not need to be sure, and nobody checks.

Family and friends are asked to wait for an open meeting instead. If you came with someone, they can meet you afterwards.

Closed meetings tend to feel more personal, because everyone in the room shares something in common.'),
('closed-meeting-es', 'es', 'Reuniones cerradas', NULL, 'C',
'Una reunión cerrada es para personas que tienen un problema con la sustancia o la conducta de la que trata el grupo, o que creen que podrían tenerlo. No hace falta estar seguro, y nadie lo comprueba.

A familiares y amistades se les pide que vayan mejor a una reunión abierta. Si viniste con alguien, puede esperarte a la salida.

Las reuniones cerradas suelen sentirse más personales, porque todas las personas presentes comparten algo en común.'),
('online-meeting', 'en', 'Online meetings', NULL, 'ONL',
'Online meetings happen in a video or phone call. You can join from anywhere quiet where you feel safe.

You may keep your camera off and use only a first name or initials as your display name. Join a few minutes early to check your sound; stay muted unless you are sharing.

Some groups share the meeting password only on their own page or by phone: the meeting details list what they ask for. Screenshots and recordings are not allowed, to protect everyone''s privacy.'),
('online-meeting-es', 'es', 'Reuniones en línea', NULL, 'ONL',
'Las reuniones en línea se hacen por videollamada o por teléfono. Puedes conectarte desde cualquier lugar tranquilo donde te sientas seguro.

Puedes dejar la cámara apagada y usar solo tu nombre de pila o tus iniciales. Conéctate unos minutos antes para probar el sonido y mantén el micrófono silenciado mientras no compartas.

Algunos grupos dan la contraseña solo en su propia página o por teléfono: los datos de la reunión indican lo que piden. No se permiten capturas de pantalla ni grabaciones, para proteger la privacidad de todas las personas.'),
('twelve-step-meeting', 'en', 'A 12-step meeting', 'AA', NULL,
'Twelve-step meetings follow a program of steps that members work through at their own pace, often with the help of a more experienced member called a sponsor.

A meeting often opens with a moment of silence and a few short readings, then people share in turn. Sharing is about your own experience; people do not give each other advice or respond to what someone said.

Some groups mention a higher power. You are free to understand that however you like, or not at all. Newcomers are sometimes offered a welcome chip or a phone list: accepting is optional.'),
('twelve-step-meeting-es', 'es', 'Una reunión de 12 pasos', 'AA', NULL,
'Las reuniones de doce pasos siguen un programa de pasos que cada miembro recorre a su propio ritmo, a menudo con la ayuda de alguien con más experiencia, llamado padrino o madrina.

La reunión suele empezar con un momento de silencio y algunas lecturas breves; después, las personas comparten por turnos. Se habla de la propia experiencia: no se dan consejos ni se responde a lo que otra persona dijo.

Algunos grupos mencionan un poder superior. Puedes entenderlo como prefieras, o no entenderlo de ninguna manera. A veces se ofrece a quien llega una ficha de bienvenida o una lista de teléfonos: aceptarla es opcional.'),
('smart-recovery', 'en', 'A SMART Recovery meeting', 'SMART Recovery', NULL,
'SMART Recovery meetings are discussion groups built around practical tools for changing habits: staying motivated, coping with urges, handling thoughts and feelings, and living a balanced life.

A trained facilitator guides the conversation. Participants are encouraged to talk back and forth, ask questions and work through a tool together, for example weighing the costs and benefits of a change.

There are no steps and no labels: you decide your own goals. Meetings often end with each person naming something they plan to do before the next one.'),
('smart-recovery-es', 'es', 'Una reunión de SMART Recovery', 'SMART Recovery', NULL,
'Las reuniones de SMART Recovery son grupos de conversación basados en herramientas prácticas para cambiar hábitos: mantener la motivación, manejar los impulsos, lidiar con pensamientos y emociones y llevar una vida equilibrada.

Una persona facilitadora capacitada guía la conversación. Se anima a participar en diálogo, hacer preguntas y trabajar juntos con una herramienta, por ejemplo comparar los costos y beneficios de un cambio.

No hay pasos ni etiquetas: tú decides tus propias metas. Muchas reuniones terminan con cada persona diciendo algo que piensa hacer antes de la próxima.'),
('speaker-meeting', 'en', 'Speaker meetings', NULL, 'SP',
'At a speaker meeting, one or two people tell their story at length: what things were like, what happened, and what life is like now.

It is a good first meeting if you would rather just listen, because the audience usually does not share, or shares only briefly at the end.

Speakers talk only about their own experience. You may hear things that feel very familiar: many people say that is when they first felt they were in the right place.'),
('speaker-meeting-es', 'es', 'Reuniones de oradores', NULL, 'SP',
'En una reunión de oradores, una o dos personas cuentan su historia con calma: cómo eran las cosas, qué pasó y cómo es su vida ahora.

Es una buena primera reunión si prefieres solo escuchar, porque el público normalmente no comparte, o lo hace brevemente al final.

Quienes hablan cuentan solo su propia experiencia. Puede que oigas cosas que te resulten muy familiares: mucha gente dice que fue entonces cuando sintió por primera vez que estaba en el lugar correcto.')
ON CONFLICT ("slug") DO NOTHING;
