import type { MessageView, SubscriptionView } from '../../router/view-model.js';
import { bilingual, bilingualMd, card, md, type Card } from './card.js';

export function renderMessage(view: MessageView): Card {
  return card({
    title: view.tone === 'error' ? bilingual(view.lang, '振兴 · 出了点问题', 'Zhenxing · Problem') : '振兴',
    template: view.tone === 'error' ? 'orange' : 'blue',
    summary: view.message.zh,
    elements: [md(bilingualMd(view.lang, view.message.zh, view.message.en))],
  });
}

export function renderSubscription(view: SubscriptionView): Card {
  return card({
    title: bilingual(view.lang, '振兴 · 每日一读', 'Zhenxing · Daily digest'),
    template: view.subscribed ? 'green' : 'grey',
    summary: view.message.zh,
    elements: [md(bilingualMd(view.lang, view.message.zh, view.message.en))],
  });
}
