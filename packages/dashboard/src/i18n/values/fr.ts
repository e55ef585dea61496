import type { ValueLabels } from '../value-labels';

export const fr: ValueLabels = {
  leadStatus: { new: 'Nouveau', contacted: 'Contacté', qualified: 'Qualifié', won: 'Gagné', lost: 'Perdu' },
  conversationStatus: { open: 'Ouverte', closed: 'Fermée', handoff: 'Transférée à une personne' },
  bookingStatus: { requested: 'Demandée', confirmed: 'Confirmée', cancelled: 'Annulée', done: 'Honorée' },
  channel: { widget: 'Chat du site', voice: 'Voix sur le site', phone: 'Appel téléphonique', api: 'API' },
  intent: {
    greeting: 'Salutation',
    hours: "Horaires d'ouverture",
    pricing: 'Prix',
    booking: 'Réservation',
    order_status: 'Suivi de commande',
    handoff: 'Demande à parler à quelqu’un',
    complaint: 'Réclamation',
    goodbye: 'Au revoir',
    product_search: 'Recherche de produit',
    question: 'Autre question',
  },
  language: { fr: 'Français', en: 'Anglais', es: 'Espagnol', ar: 'Arabe', ary: 'Darija (arabe marocain)' },
  role: { owner: 'Propriétaire', admin: 'Administrateur', member: 'Membre' },
  invitationStatus: { pending: 'En attente', accepted: 'Acceptée', revoked: 'Révoquée', expired: 'Expirée' },
  messageRole: { user: 'Client', assistant: 'Agent', system: 'Système', tool: 'Outil' },
  callDirection: { inbound: 'Entrant', outbound: 'Sortant' },
};
