import type { caseload as en } from '../en/caseload.ts';

/** Español: la lista de clientes de la persona coach, sus alertas de riesgo, y SOS. */
export const caseload: typeof en = {
  caseload: {
    title: 'Mis clientes',
    lead: 'Cada cliente, primero quien más necesita que le contactes. Solo ves lo que cada cliente decidió compartir contigo; lo demás dice “no compartido”.',
    clientsTitle: 'Clientes',
    summary_one: '{{count}} cliente necesita atención',
    summary_other: '{{count}} clientes necesitan atención',
    summaryNone: 'Ningún cliente tiene alertas ahora',
    empty: 'Aún no tienes clientes.',
    updated: 'Actualizado {{time}}; se actualiza cada 30 segundos.',
    open: 'Abrir la relación con {{alias}}',
    notShared: 'no compartido',
    status: {
      requested: 'Solicitada',
      proposed: 'Propuesta',
      active: 'Activa',
      paused: 'En pausa',
      transferred: 'Transferida',
      closed: 'Cerrada',
      declined: 'Rechazada',
      withdrawn: 'Retirada',
    },
    fields: {
      lastCheckin: 'Último registro',
      streak: 'Racha',
      craving: 'Antojo (14 días)',
      clock: 'Contador',
      nextSession: 'Próxima sesión',
      referrals: 'Derivaciones abiertas',
      flags: 'Alertas de riesgo',
    },
    lastCheckinToday: 'hoy',
    lastCheckinDaysAgo_one: '{{date}} (ayer)',
    lastCheckinDaysAgo_other: '{{date}} (hace {{count}} días)',
    neverCheckedIn: 'aún sin registros',
    streakDays_one: '{{count}} día',
    streakDays_other: '{{count}} días',
    streakCapped: 'más de {{count}} días',
    cravingText: 'Último {{latest}} de 10; los 3 últimos registros promedian {{recent}}, los 3 anteriores {{previous}}.',
    cravingTextRecentOnly:
      'Último {{latest}} de 10; los 3 últimos registros promedian {{recent}}. Aún no hay registros anteriores suficientes para comparar.',
    cravingTextNoAverage: 'Último {{latest}} de 10. Aún no hay registros suficientes para comparar promedios.',
    cravingNone: 'sin registros en los últimos 14 días',
    cravingDay: '{{date}}: {{value}}',
    cravingMissing: 'sin registro',
    clockDays_one: '{{label}}: {{count}} día',
    clockDays_other: '{{label}}: {{count}} días',
    noClock: 'sin contador',
    noSession: 'ninguna programada',
    session: '{{when}} ({{type}})',
    contactType: { in_person: 'en persona', phone: 'teléfono', video: 'video' },
    noFlags: 'Sin alertas',
    flagsNotShared: 'no compartido (la persona no comparte lo que leen las reglas)',
    rules: {
      title: 'Cómo funcionan las alertas',
      lead: 'Cada alerta viene de una regla sencilla, revisada solo con lo que la persona comparte contigo. Una alerta también te envía una notificación por cliente, regla y día.',
      needs: 'Necesita: {{scopes}}',
    },
    flag: {
      sos: {
        label: 'SOS pulsado',
        explain: 'Pulsó SOS en las últimas {{hours}} horas.',
        evidence: 'Pulsado {{when}}.',
      },
      use_reported: {
        label: 'Consumo indicado',
        explain: 'Un registro de los últimos {{days}} días indica consumo.',
        evidence: 'Indicado el {{date}}.',
      },
      craving_high: {
        label: 'Antojo alto',
        explain:
          'El último registro (hoy o ayer) tiene un antojo de {{level}} o más de 10, o los 3 últimos registros promedian {{rise}} o más por encima de los 3 anteriores.',
        level: 'Antojo {{value}} de 10 el {{date}}.',
        rising: 'Promedio subió {{value}} (último registro {{date}}).',
      },
      barc_drop: {
        label: 'BARC-10 bajó',
        explain: 'El último BARC-10, hecho en los últimos {{days}} días, está {{drop}} puntos o más por debajo del anterior.',
        evidence: 'Bajó {{value}} puntos el {{date}}.',
      },
      no_checkin: {
        label: 'Sin registro',
        explain: 'Sin registro desde hace {{days}} días o más.',
        evidence: 'Último registro el {{date}} (hace {{value}} días).',
        never: 'Sin registros desde que empezó la relación.',
      },
    },
    scope: {
      'checkins.summary': 'resumen de registros',
      'checkins.detail': 'detalle de registros',
      assessments: 'resultados BARC-10',
      sos: 'SOS',
      clock: 'contador de recuperación',
    },
  },
  sos: {
    title: 'SOS',
    lead: '¿Necesitas a alguien ahora? SOS avisa a las personas que elegiste en Privacidad, en la app y por correo.',
    button: 'Enviar SOS',
    confirmTitle: '¿Avisar a las personas que elegiste?',
    confirmChecking: 'Comprobando a quién se avisará…',
    confirmUnknown:
      'No pudimos comprobar a quién se avisará. Al enviar se avisa igualmente a todas las personas con tu permiso “SOS”. Si estás en peligro, llama también a una línea de crisis o a emergencias.',
    confirmBody_one:
      '{{count}} persona tiene tu permiso “SOS” y recibe un aviso ahora. Si estás en peligro, llama también a una línea de crisis o a emergencias.',
    confirmBody_other:
      '{{count}} personas tienen tu permiso “SOS” y reciben un aviso ahora. Si estás en peligro, llama también a una línea de crisis o a emergencias.',
    confirmNobody:
      'Nadie tiene todavía tu permiso “SOS”, así que al enviar no se avisaría a nadie. Por favor llama o escribe ahora a una línea de crisis:',
    confirm: 'Avisarles ahora',
    alerted_one: 'Enviado. Personas avisadas: {{count}}.',
    alerted_other: 'Enviado. Personas avisadas: {{count}}.',
    nobody:
      'Aún no elegiste a nadie para avisar, así que nadie recibió el aviso. Puedes elegir a alguien en Privacidad (el permiso “SOS”). Ahora mismo, por favor comunícate con una línea de crisis:',
    choose: 'Elegir a alguien en Privacidad',
    linesTitle: 'Líneas de crisis, a cualquier hora',
    failed: 'No se pudo enviar el aviso. Por favor llama ahora a una línea de crisis:',
  },
};
