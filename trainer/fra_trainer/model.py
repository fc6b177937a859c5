"""A BERT-style encoder for token classification, in plain torch. Teacher and student are the same code
at different sizes. The attention mask is an additive bias."""
import math
from dataclasses import dataclass

import torch
from torch import nn
from torch.nn import functional as F

# torch 2 has it; Debian's torch 1.13, which CI runs, does not.
FUSED_ATTENTION = hasattr(F, "scaled_dot_product_attention")


@dataclass
class EncoderConfig:
    vocab_size: int
    max_length: int
    hidden: int
    layers: int
    heads: int
    ffn: int
    num_labels: int
    dropout: float = 0.1


class SelfAttention(nn.Module):
    def __init__(self, c: EncoderConfig):
        super().__init__()
        self.heads = c.heads
        self.head_dim = c.hidden // c.heads
        self.qkv = nn.Linear(c.hidden, 3 * c.hidden)
        self.out = nn.Linear(c.hidden, c.hidden)
        self.dropout = nn.Dropout(c.dropout)

    def forward(self, x, bias):
        b, t, h = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.heads, self.head_dim).permute(2, 0, 3, 1, 4).unbind(0)
        if FUSED_ATTENTION and not torch.onnx.is_in_onnx_export():
            # One fused kernel on torch 2 (a GPU's main saving); the ONNX graph keeps the plain form below,
            # which the quantizer and the app's checks read.
            y = F.scaled_dot_product_attention(q, k, v, attn_mask=bias.to(q.dtype), dropout_p=self.dropout.p if self.training else 0.0)
        else:
            scores = q @ k.transpose(-2, -1) / math.sqrt(self.head_dim) + bias
            y = self.dropout(scores.softmax(dim=-1)) @ v
        return self.out(y.transpose(1, 2).reshape(b, t, h))


class Block(nn.Module):
    def __init__(self, c: EncoderConfig):
        super().__init__()
        self.attention = SelfAttention(c)
        self.norm1 = nn.LayerNorm(c.hidden)
        self.ffn = nn.Sequential(nn.Linear(c.hidden, c.ffn), nn.GELU(), nn.Linear(c.ffn, c.hidden))
        self.norm2 = nn.LayerNorm(c.hidden)
        self.dropout = nn.Dropout(c.dropout)

    def forward(self, x, bias):
        # Pre-LayerNorm: trains stably from scratch at the higher learning rates small models want.
        x = x + self.dropout(self.attention(self.norm1(x), bias))
        return x + self.dropout(self.ffn(self.norm2(x)))


class TokenClassifier(nn.Module):
    def __init__(self, c: EncoderConfig):
        super().__init__()
        self.config = c
        self.words = nn.Embedding(c.vocab_size, c.hidden)
        self.positions = nn.Embedding(c.max_length, c.hidden)
        self.token_types = nn.Embedding(2, c.hidden)
        self.norm = nn.LayerNorm(c.hidden)
        self.dropout = nn.Dropout(c.dropout)
        self.blocks = nn.ModuleList(Block(c) for _ in range(c.layers))
        self.final_norm = nn.LayerNorm(c.hidden)
        self.classifier = nn.Linear(c.hidden, c.num_labels)
        self.apply(self._init)

    @staticmethod
    def _init(module):
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, std=0.02)
        if isinstance(module, nn.Linear) and module.bias is not None:
            nn.init.zeros_(module.bias)

    def forward(self, input_ids, attention_mask, token_type_ids):
        positions = torch.arange(input_ids.shape[1], device=input_ids.device).unsqueeze(0)
        x = self.words(input_ids) + self.positions(positions) + self.token_types(token_type_ids)
        x = self.dropout(self.norm(x))
        # -1e4, not -inf: a fully padded row must not turn into NaN.
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -1e4
        for block in self.blocks:
            x = block(x, bias)
        return self.classifier(self.final_norm(x))

    def num_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters())


def distillation_loss(student_logits, teacher_logits, labels, alpha: float, temperature: float):
    """alpha * CE(student, gold) + (1 - alpha) * T^2 * KL(teacher_T || student_T). The KL term covers every
    word (labelled or UNLABELED, -1); the cross-entropy only those with a gold label. `teacher_logits` is
    either the teacher's whole output or only its rows at those words, in order (a cache, see train.py)."""
    real = labels != -100
    gold = labels[real] >= 0
    s, y = student_logits[real], labels[real]
    t = teacher_logits if teacher_logits.dim() == 2 else teacher_logits[real]
    ce = F.cross_entropy(s[gold], y[gold]) if gold.any() else s.sum() * 0.0
    kl = F.kl_div(F.log_softmax(s / temperature, dim=-1), F.log_softmax(t / temperature, dim=-1), log_target=True, reduction="batchmean")
    return alpha * ce + (1 - alpha) * temperature ** 2 * kl
