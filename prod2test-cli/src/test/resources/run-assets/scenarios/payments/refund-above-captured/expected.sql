-- the base payment is untouched
SELECT refunded_minor = 0 FROM payments WHERE id = 'pay_b000000000000001';
