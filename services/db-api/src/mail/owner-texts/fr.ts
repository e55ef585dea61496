import type { OwnerMailTexts } from '.';

export const fr: OwnerMailTexts = {
  locale: 'fr',
  hello: 'Bonjour,',
  signature: 'L’équipe VocalIA',
  billing: {
    subject: (tenant) => `Facturation VocalIA : ${tenant}`,
    reasons: {
      trial_ended: 'votre essai gratuit est terminé',
      credits_exhausted: 'vos crédits d’essai sont épuisés',
      payment_failed: 'votre dernier paiement a échoué',
      subscription_canceled: 'votre abonnement a pris fin',
    },
    otherReason: 'la facturation du compte a changé',
    graceUntil: (date) => `jusqu’au ${date}`,
    graceUntilUnknown: 'jusqu’à la fin de la période de grâce',
    trial: 'Votre essai gratuit est en cours.',
    active: 'Votre abonnement est actif.',
    grace: (until, why) => `Votre assistant continue de fonctionner ${until}, car ${why}. Choisissez une offre dans le tableau de bord (Offre et consommation) pour qu’il reste en service.`,
    restricted: (why) => `Votre assistant est en pause, car ${why} : les visiteurs sont informés qu’il n’est pas disponible. Choisissez une offre dans le tableau de bord (Offre et consommation) pour le réactiver aussitôt.`,
  },
  quota: {
    subject: (tenant, usage) => `Consommation VocalIA : ${tenant} a utilisé ${usage}`,
    used: (tenant, usage) => `${tenant} a utilisé ${usage}.`,
    upgrade: 'Changez d’offre dans le tableau de bord (Offre et consommation).',
    quotas: {
      conversationsPerMonth: {
        usage: (used, limit) => `${used} des ${limit} conversations incluses ce mois-ci`,
        warning: (percent) => `Vous avez utilisé ${percent} de vos conversations du mois.`,
        stop: 'Votre assistant indique désormais aux visiteurs qu’il n’est pas disponible, jusqu’à la prochaine période ou un changement d’offre.',
        overage: 'Les conversations suivantes de ce mois sont facturées en dépassement.',
      },
      voiceMinutesIncluded: {
        usage: (used, limit) => `${used} des ${limit} minutes de voix en streaming incluses ce mois-ci`,
        warning: (percent) => `Vous avez utilisé ${percent} de vos minutes de voix en streaming du mois.`,
        stop: 'Votre widget parle désormais avec la voix du navigateur, jusqu’à la prochaine période ou un changement d’offre.',
      },
      telephonyMinutesPerMonth: {
        usage: (used, limit) => `${used} des ${limit} minutes d’appel incluses ce mois-ci`,
        warning: (percent) => `Vous avez utilisé ${percent} de vos minutes d’appel du mois.`,
        stop: 'Les appels vers vos numéros reçoivent désormais un bref message d’excuse, et aucun appel sortant n’est passé jusqu’à la prochaine période.',
      },
    },
  },
  endpointDisabled: {
    subject: (tenant) => `Webhooks VocalIA : un point de terminaison de ${tenant} a été désactivé`,
    reasons: { gone: 'il a répondu 410 Gone, qui demande aux expéditeurs d’arrêter', failing: 'toutes les livraisons vers lui échouent depuis 5 jours' },
    stopped: (url, why) => `Le point de terminaison webhook ${url} ne reçoit plus d’événements, car ${why}.`,
    replay: 'Les événements envoyés depuis sont conservés comme livraisons échouées : dès que le point de terminaison répond de nouveau, réactivez-le dans le tableau de bord (Intégrations > Points de terminaison webhook), puis rejouez-les.',
  },
};
