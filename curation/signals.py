"""Proposals follow a new document: geodata sends document_added (it knows nothing of curation)
when a curator adds one (manage.py add_document or the admin upload), and this proposes."""

from django.dispatch import receiver

from geodata.documents import document_added


@receiver(document_added)
def propose_after_import(sender, document, **kwargs):
    from curation.proposals import propose_for_document

    propose_for_document(document)
